package dev.runline.processor.persist;

import dev.runline.schemas.event.Attachment;
import dev.runline.schemas.event.AttachmentLinked;
import dev.runline.schemas.event.RunAccepted;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code attachments}: a run's file by reference (the bytes stay in the object store). */
public record AttachmentRow(UUID id, UUID organizationId, UUID runId, String name, String objectKey, long size,
        String contentType, boolean isReport, Instant linkedAt) {

    /** A file that came with the run itself (an import's report and inlined attachments). */
    public static AttachmentRow of(RunAccepted event, Attachment attachment) {
        return new AttachmentRow(attachment.getUploadId(), event.getOrganizationId(), event.getRunId(),
                attachment.getName(), attachment.getObjectKey(), attachment.getSize(), attachment.getContentType(),
                attachment.getIsReport(), event.getReceivedAt());
    }

    /** A file linked after the run was created. */
    public static AttachmentRow of(AttachmentLinked link) {
        return new AttachmentRow(link.getUploadId(), link.getOrganizationId(), link.getRunId(), link.getName(),
                link.getObjectKey(), link.getSize(), link.getContentType(), false, link.getLinkedAt());
    }
}
