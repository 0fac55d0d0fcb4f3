package dev.runline.gateway.attachment;

import java.time.Instant;
import java.util.UUID;

/** One upload as the gateway tracks it (table {@code uploads}); the bytes are in the object store. */
public record Upload(UUID id, UUID organizationId, UUID apiKeyId, String name, String objectKey, Instant createdAt,
        String state, Long size, String contentType, UUID runId, UUID importedRunId) {

    public static final String INITIALIZED = "initialized";
    public static final String RECEIVING = "receiving";
    public static final String STORED = "stored";

    public boolean isStored() {
        return STORED.equals(state);
    }

    /** Where every upload's bytes go: one prefix per organization, so a store policy can separate tenants. */
    public static String objectKey(UUID organizationId, UUID uploadId) {
        return "uploads/" + organizationId + "/" + uploadId;
    }
}
