package dev.runline.gateway.provision.key;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a key creation, the only place its secret ({@code key}) ever appears: Runline keeps its
 * SHA-256 alone and cannot show it again.
 */
public record CreatedKey(
        UUID id,
        String key,
        String prefix,
        String name,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("station_id") UUID stationId,
        @JsonProperty("expires_at") Instant expiresAt) {

    /** Without the secret: a record's toString ends up in logs and assertion messages. */
    @Override
    public String toString() {
        return "CreatedKey[id=" + id + ", prefix=" + prefix + ", name=" + name + ", userId=" + userId
                + ", stationId=" + stationId + ", expiresAt=" + expiresAt + "]";
    }
}
