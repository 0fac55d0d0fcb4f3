package dev.runline.gateway.provision.member;

import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.run.JsonFields;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The bodies of the member routes, validated (pure). */
public final class MemberRequests {

    private MemberRequests() {}

    /** {@code POST /api/v2/members {"email", "name"?, "role"}}. */
    public record NewMember(String email, String name, String role) {}

    /** {@code PATCH /api/v2/members/{id} {"role"}}. */
    public record RoleChange(String role) {}

    public static NewMember newMember(JsonNode body) {
        JsonFields fields = new JsonFields();
        String email = fields.email(body, Fields.ROOT, "email");
        if (email == null && JsonFields.present(body, "email") == null) {
            fields.issue(List.of("email"), "is required");
        }
        String name = Fields.name(fields, body, "name", false);
        String role = role(fields, body);
        Fields.requireValid(fields);
        return new NewMember(email, name, role);
    }

    public static RoleChange roleChange(JsonNode body) {
        JsonFields fields = new JsonFields();
        String role = role(fields, body);
        Fields.requireValid(fields);
        return new RoleChange(role);
    }

    private static String role(JsonFields fields, JsonNode body) {
        String role = fields.string(body, Fields.ROOT, "role", true, 16);
        if (role != null && !Member.ROLES.contains(role)) {
            fields.issue(List.of("role"), "must be one of " + Member.ROLES);
            return null;
        }
        return role;
    }
}
