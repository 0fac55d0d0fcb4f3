package dev.runline.schemas;

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
 * Avro single-object encoding of one event type: every message carries the 64-bit fingerprint of the schema it
 * was written with, so a reader resolves any version ever published to the current classes. Thread-safe.
 */
final class AvroMessages<T> {

    static {
        TrustedAvroPackages.register();
    }

    private final String what;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    /** @param published every version of the schema ever published, oldest first */
    AvroMessages(Class<T> type, Schema current, List<Schema> published) {
        this.what = type.getSimpleName();
        SpecificData model = SpecificData.getForClass(type);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        for (Schema schema : published) {
            decoder.addSchema(schema);
        }
    }

    byte[] encode(T event) {
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a " + what, e);
        }
    }

    /**
     * @throws UndecodableEventException when the bytes are not a message of this type in a known schema version
     */
    T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new UndecodableEventException("Not a decodable " + what + " message: " + e.getMessage(), e);
        }
    }
}
