package dev.runline.gateway.attachment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.UUID;

/**
 * An attachment as the v2 client's RunGetAttachment model has it: {@code id}, {@code name}, {@code size},
 * {@code content_type} and {@code is_report} always present, {@code download_url} signed and temporary.
 */
public record AttachmentView(
        UUID id,
        String name,
        Long size,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("is_report") boolean isReport,
        @JsonProperty("download_url") String downloadUrl,
        @JsonProperty("run_id") UUID runId) {

    /** @param requestUri the request, whose origin the download URL uses unless a public URL is set */
    public static AttachmentView of(StoredAttachment attachment, UploadUrls urls, URI requestUri) {
        return new AttachmentView(attachment.id(), attachment.name(), attachment.size(), attachment.contentType(),
                attachment.isReport(), urls.downloadUrl(attachment.id(), attachment.organizationId(),
                        attachment.objectKey(), attachment.name(), requestUri).toString(), attachment.runId());
    }
}
