package dev.runline.gateway.attachment;

import java.util.UUID;

/** A run's attachment as the processor stored it (table {@code attachments}). */
public record StoredAttachment(UUID id, UUID organizationId, UUID runId, String name, String objectKey, long size,
        String contentType, boolean isReport) {}
