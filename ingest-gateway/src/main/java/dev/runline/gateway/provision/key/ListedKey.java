package dev.runline.gateway.provision.key;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** An API key as listed: who owns it and whether it works. Never its secret nor the secret's hash. */
public record ListedKey(
        UUID id,
        String name,
        String prefix,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("station_id") UUID stationId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("revoked_at") Instant revokedAt) {}
