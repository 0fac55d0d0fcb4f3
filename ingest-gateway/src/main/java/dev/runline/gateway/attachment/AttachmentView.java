package dev.runline.gateway.attachment;

import com.fasterxml.jackson.annotation.JsonProperty;
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
        @JsonProperty("run_id") UUID runId) {}
