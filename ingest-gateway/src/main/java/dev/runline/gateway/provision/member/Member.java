package dev.runline.gateway.provision.member;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user of the organization: the people v1 runs name in {@code operated_by}, and whose keys act with their role. */
public record Member(UUID id, String email, String name, String role, @JsonProperty("created_at") Instant createdAt) {

    /** The roles of the schema's check constraint; what each may do is {@code Permissions}'s table. */
    public static final List<String> ROLES = List.of("admin", "member", "viewer");
}
