package dev.runline.gateway.attachment;

import java.time.Instant;
import java.util.UUID;

/** One upload as the gateway tracks it (table {@code uploads}); the bytes are in the object store. */
public record Upload(UUID id, UUID organizationId, UUID apiKeyId, String name, String objectKey, Instant createdAt,
        String state, Long size, String contentType, UUID runId, UUID importedRunId, UUID unitId) {

    public static final String INITIALIZED = "initialized";
    public static final String RECEIVING = "receiving";
    public static final String STORED = "stored";

    public boolean isStored() {
        return STORED.equals(state);
    }

    /** An upload belongs to one run or one unit once linked; an unlinked one is deleted after its retention. */
    public boolean isLinked() {
        return runId != null || unitId != null;
    }

    /** What it is linked to, for messages: "run …" or "unit …". */
    public String linkedTo() {
        return runId != null ? "run " + runId : "unit " + unitId;
    }

    /** Where every upload's bytes go: one prefix per organization, so a store policy can separate tenants. */
    public static String objectKey(UUID organizationId, UUID uploadId) {
        return "uploads/" + organizationId + "/" + uploadId;
    }
}
