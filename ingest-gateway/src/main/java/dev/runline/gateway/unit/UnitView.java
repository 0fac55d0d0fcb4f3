package dev.runline.gateway.unit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runline.gateway.attachment.StoredAttachment;
import dev.runline.gateway.attachment.UploadUrls;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * v2 {@code units.get}, as the client's {@code UnitGetResponse} model has it. Every field is written, the
 * optional ones as null or empty: the client accepts both, and a reader sees at once what the unit lacks.
 */
public record UnitView(
        UUID id,
        @JsonProperty("serial_number") String serialNumber,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("created_by_user") User createdByUser,
        @JsonProperty("created_by_station") Station createdByStation,
        Part part,
        Batch batch,
        Relative parent,
        List<Relative> children,
        @JsonProperty("created_during") CreatedDuring createdDuring,
        List<Attachment> attachments) {

    public record User(UUID id, String name) {}

    public record Station(UUID id, String name) {}

    /** The unit's own part always has its revision; a parent's or child's has it too, though the model allows null. */
    public record Part(UUID id, String number, String name, Revision revision) {}

    public record Revision(UUID id, String number) {}

    public record Batch(UUID id, String number) {}

    /** The parent or a child ({@code UnitGetParent}, {@code UnitGetChild}). */
    public record Relative(UUID id, @JsonProperty("serial_number") String serialNumber, Part part) {}

    public record Procedure(UUID id, String name) {}

    /** The run that created the unit. */
    public record CreatedDuring(
            UUID id,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("ended_at") Instant endedAt,
            String duration,
            String outcome,
            Procedure procedure) {}

    /** A file attached to the unit itself (v2 {@code units.update}), with a signed, temporary download URL. */
    public record Attachment(UUID id, String name, Long size, @JsonProperty("content_type") String contentType,
            @JsonProperty("download_url") String downloadUrl) {

        public static Attachment of(StoredAttachment attachment, UploadUrls urls, URI requestUri) {
            return new Attachment(attachment.id(), attachment.name(), attachment.size(), attachment.contentType(),
                    urls.downloadUrl(attachment.id(), attachment.organizationId(), attachment.objectKey(),
                            attachment.name(), requestUri).toString());
        }
    }
}
