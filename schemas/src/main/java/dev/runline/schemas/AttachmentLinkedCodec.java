package dev.runline.schemas;

import dev.runline.schemas.event.AttachmentLinked;

/**
 * Encodes and decodes {@link AttachmentLinked} with Avro single-object encoding, resolving every published
 * version (see {@link SchemaHistory#attachmentLinked()}), like {@link RunEventCodec} does for runs. Thread-safe.
 */
public final class AttachmentLinkedCodec {

    private final AvroMessages<AttachmentLinked> messages =
            new AvroMessages<>(AttachmentLinked.class, AttachmentLinked.getClassSchema(), SchemaHistory.attachmentLinked());

    public byte[] encode(AttachmentLinked event) {
        return messages.encode(event);
    }

    /**
     * @throws UndecodableEventException when the bytes are not an attachment link of a known schema version
     */
    public AttachmentLinked decode(byte[] bytes) {
        return messages.decode(bytes);
    }
}
