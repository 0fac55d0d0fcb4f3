package dev.runline.gateway.provision;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Rules shared by the provisioning requests (pure). */
public final class Fields {

    /** Procedure, station, member and key names. */
    public static final int NAME_MAX = 255;
    public static final List<Object> ROOT = List.of();

    private Fields() {}

    /**
     * A name people type (procedure, station, key, person): surrounding blanks removed, so that
     * {@code "EOL-1 "} and {@code "EOL-1"} are one name; not blank; no control characters (PostgreSQL cannot
     * store NUL, and the others are typos nobody can see in a list).
     */
    public static String name(JsonFields fields, JsonNode body, String field, boolean required) {
        String value = fields.string(body, ROOT, field, required, NAME_MAX);
        if (value == null) {
            return null;
        }
        List<Object> at = List.of(field);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            fields.issue(at, "must not be blank");
            return null;
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            fields.issue(at, "must not contain control characters");
            return null;
        }
        return stripped;
    }

    /** 400 listing every issue found, when there is one. */
    public static void requireValid(JsonFields fields) {
        if (fields.hasIssues()) {
            throw ApiException.badRequest(fields.issues(), fields.issueCount());
        }
    }

    /** An id in the path; not a uuid is a 400 whose issue names the path parameter. */
    public static UUID pathId(String value, String parameter) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw new ApiException(ErrorCode.BAD_REQUEST, parameter + " in the path must be a uuid",
                List.of(new Issue(List.of(parameter), "must be a uuid")), null);
    }

    /** 404 for an object that is not in the caller's organization, whether it exists elsewhere or not at all. */
    public static ApiException notFound(String message, String field) {
        return new ApiException(ErrorCode.NOT_FOUND, message, List.of(new Issue(List.of(field), message)), null);
    }

    public static ApiException conflict(String message, String field) {
        return new ApiException(ErrorCode.CONFLICT, message, List.of(new Issue(List.of(field), message)), null);
    }
}
