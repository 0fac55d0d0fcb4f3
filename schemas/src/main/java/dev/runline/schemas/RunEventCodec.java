package dev.runline.schemas;

import dev.runline.schemas.event.RunAccepted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;

/**
 * Encodes and decodes {@link RunAccepted} with Avro single-object encoding: every message carries the
 * 64-bit fingerprint of the schema it was written with, so a consumer resolves any version ever published
 * (see {@link SchemaHistory}) to the current classes. Thread-safe.
 */
public final class RunEventCodec {

    static {
        TrustedAvroPackages.register();
    }

    private final BinaryMessageEncoder<RunAccepted> encoder;
    private final BinaryMessageDecoder<RunAccepted> decoder;

    public RunEventCodec() {
        SpecificData model = SpecificData.getForClass(RunAccepted.class);
        this.encoder = new BinaryMessageEncoder<>(model, RunAccepted.getClassSchema());
        this.decoder = new BinaryMessageDecoder<>(model, RunAccepted.getClassSchema());
        for (Schema published : SchemaHistory.runAccepted()) {
            decoder.addSchema(published);
        }
    }

    public byte[] encode(RunAccepted event) {
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode run " + event.getRunId(), e);
        }
    }

    /**
     * @throws UndecodableEventException when the bytes are not a run event of a known schema version
     */
    public RunAccepted decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new UndecodableEventException("Not a decodable RunAccepted message: " + e.getMessage(), e);
        }
    }

    /** The schemas this codec can read, oldest first (the current one last). */
    public List<Schema> readableSchemas() {
        return SchemaHistory.runAccepted();
    }
}
