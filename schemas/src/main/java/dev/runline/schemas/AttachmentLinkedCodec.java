package dev.runline.schemas;

import dev.runline.schemas.event.AttachmentLinked;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;

/**
 * Encodes and decodes {@link AttachmentLinked} with Avro single-object encoding, resolving every published
 * version (see {@link SchemaHistory#attachmentLinked()}), like {@link RunEventCodec} does for runs. Thread-safe.
 */
public final class AttachmentLinkedCodec {

    static {
        TrustedAvroPackages.register();
    }

    private final BinaryMessageEncoder<AttachmentLinked> encoder;
    private final BinaryMessageDecoder<AttachmentLinked> decoder;

    public AttachmentLinkedCodec() {
        SpecificData model = SpecificData.getForClass(AttachmentLinked.class);
        this.encoder = new BinaryMessageEncoder<>(model, AttachmentLinked.getClassSchema());
        this.decoder = new BinaryMessageDecoder<>(model, AttachmentLinked.getClassSchema());
        for (Schema published : SchemaHistory.attachmentLinked()) {
            decoder.addSchema(published);
        }
    }

    public byte[] encode(AttachmentLinked event) {
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the link of upload " + event.getUploadId(), e);
        }
    }

    /**
     * @throws UndecodableEventException when the bytes are not an attachment link of a known schema version
     */
    public AttachmentLinked decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new UndecodableEventException("Not a decodable AttachmentLinked message: " + e.getMessage(), e);
        }
    }
}
