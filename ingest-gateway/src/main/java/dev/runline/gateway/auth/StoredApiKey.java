package dev.runline.gateway.auth;

import java.time.Instant;
import java.util.UUID;

/** An API key row as the gateway needs it: whom it acts for and whether it still works. */
public record StoredApiKey(
        UUID keyId, UUID organizationId, UUID userId, UUID stationId, String role, Instant expiresAt, Instant revokedAt) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
