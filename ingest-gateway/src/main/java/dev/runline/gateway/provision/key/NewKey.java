package dev.runline.gateway.provision.key;

import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.run.JsonFields;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v2/keys {"name", "user_id"? | "station_id"?, "expires_at"?}}, validated. A key
 * belongs to one user or one station; naming neither makes a key for the calling admin.
 *
 * @param expiresAt null for a key that does not expire
 */
public record NewKey(String name, UUID userId, UUID stationId, Instant expiresAt) {

    public static NewKey read(JsonNode body, Instant now) {
        JsonFields fields = new JsonFields();
        String name = Fields.name(fields, body, "name", true);
        UUID userId = fields.uuid(body, Fields.ROOT, "user_id", false);
        UUID stationId = fields.uuid(body, Fields.ROOT, "station_id", false);
        if (userId != null && stationId != null) {
            fields.issue(List.of("station_id"), "a key belongs to a user or a station, not both: send user_id or station_id");
        }
        Instant expiresAt = fields.dateTime(body, Fields.ROOT, "expires_at");
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            fields.issue(List.of("expires_at"), "must be in the future");
        }
        Fields.requireValid(fields);
        return new NewKey(name, userId, stationId, expiresAt);
    }
}
