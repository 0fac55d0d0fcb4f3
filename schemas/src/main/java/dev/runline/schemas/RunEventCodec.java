package dev.runline.schemas;

import dev.runline.schemas.event.RunAccepted;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Encodes and decodes {@link RunAccepted} with Avro single-object encoding, resolving every version ever
 * published (see {@link SchemaHistory}) to the current classes. Thread-safe.
 */
public final class RunEventCodec {

    private final AvroMessages<RunAccepted> messages =
            new AvroMessages<>(RunAccepted.class, RunAccepted.getClassSchema(), SchemaHistory.runAccepted());

    public byte[] encode(RunAccepted event) {
        return messages.encode(event);
    }

    /**
     * @throws UndecodableEventException when the bytes are not a run event of a known schema version
     */
    public RunAccepted decode(byte[] bytes) {
        return messages.decode(bytes);
    }

    /** The schemas this codec can read, oldest first (the current one last). */
    public List<Schema> readableSchemas() {
        return SchemaHistory.runAccepted();
    }
}
