package dev.runline.gateway.auth;

import dev.runline.schemas.event.Submitter;
import dev.runline.schemas.event.SubmitterKind;
import java.util.UUID;

/** Who is calling: the organization everything is scoped to, and the key's user or station. */
public record Caller(UUID organizationId, UUID keyId, UUID userId, UUID stationId, String role) {

    public boolean isStation() {
        return stationId != null;
    }

    public Submitter asSubmitter() {
        return Submitter.newBuilder()
                .setKind(isStation() ? SubmitterKind.STATION : SubmitterKind.USER)
                .setKeyId(keyId)
                .setUserId(userId)
                .setStationId(stationId)
                .build();
    }
}
