package dev.runline.schemas;

import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunAccepted;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/**
 * The runs topic carries two kinds of record: accepted runs ({@link RunAccepted}) and edits of what they stored
 * ({@link EditRequested}), so that an edit is applied in order with the runs of its unit. Both use Avro
 * single-object encoding, whose header names the writer's schema by fingerprint; the fingerprint tells which
 * kind a record is. Thread-safe.
 */
public final class RunTopicCodec {

    /** Single-object encoding: two marker bytes, then the 8-byte little-endian fingerprint. */
    private static final int HEADER_LENGTH = 10;

    private static final Set<Long> EDIT_FINGERPRINTS = SchemaHistory.editRequested().stream()
            .map(SchemaNormalization::parsingFingerprint64).collect(Collectors.toUnmodifiableSet());

    private final RunEventCodec runs = new RunEventCodec();
    private final AvroMessages<EditRequested> edits =
            new AvroMessages<>(EditRequested.class, EditRequested.getClassSchema(), SchemaHistory.editRequested());

    public byte[] encode(EditRequested edit) {
        return edits.encode(edit);
    }

    /**
     * @return a {@link RunAccepted} or an {@link EditRequested}
     * @throws UndecodableEventException when the bytes are neither, in any published schema version
     */
    public SpecificRecord decode(byte[] bytes) {
        return isEdit(bytes) ? edits.decode(bytes) : runs.decode(bytes);
    }

    private static boolean isEdit(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            return false;
        }
        long fingerprint = 0;
        for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (bytes[i] & 0xFF);
        }
        return EDIT_FINGERPRINTS.contains(fingerprint);
    }
}
