package dev.runline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runline.schemas.event.ChildAddition;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.event.UnitUpdate;
import dev.runline.schemas.testing.EditEvents;
import dev.runline.schemas.testing.RunEvents;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/** Runs and edits share the runs topic; the writer's schema fingerprint tells them apart. */
class RunTopicCodecTest {

    private final RunTopicCodec codec = new RunTopicCodec();

    @Test
    void aRunDecodesAsARun() {
        RunAccepted run = RunEvents.aRunAccepted().build();

        assertThat(codec.decode(new RunEventCodec().encode(run)))
                .isInstanceOfSatisfying(RunAccepted.class, decoded -> assertThat(decoded.getRunId()).isEqualTo(run.getRunId()));
    }

    @Test
    void anEditDecodesAsAnEditWithItsChange() {
        EditRequested edit = EditEvents.anEdit(UUID.randomUUID(), EditEvents.childAddition("PCBA-1", "MOD-7")).build();

        assertThat(codec.decode(codec.encode(edit))).isInstanceOfSatisfying(EditRequested.class, decoded -> {
            assertThat(decoded.getEditId()).isEqualTo(edit.getEditId());
            assertThat(decoded.getRequestedAt()).isEqualTo(edit.getRequestedAt());
            assertThat(decoded.getChange()).isInstanceOfSatisfying(ChildAddition.class, change ->
                    assertThat(change.getChildSerialNumber()).isEqualTo("MOD-7"));
        });
    }

    @Test
    void aUnitUpdateKeepsWhichFieldsWereSent() {
        EditRequested edit = EditEvents.anEdit(UUID.randomUUID(),
                EditEvents.aUnitUpdate("SN-1").setRevisionNumber("B").setClearBatch(true).build()).build();

        UnitUpdate decoded = (UnitUpdate) ((EditRequested) codec.decode(codec.encode(edit))).getChange();

        assertThat(decoded.getNewSerialNumber()).isNull();
        assertThat(decoded.getRevisionNumber()).isEqualTo("B");
        assertThat(decoded.getClearBatch()).isTrue();
    }

    @Test
    void bytesOfNeitherKindAreUndecodable() {
        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9}))
                .isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 2}))
                .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void sourceSchemaIsTheNewestPublishedVersion() throws Exception {
        Schema source = new Schema.Parser().parse(Path.of("src/main/avro/EditRequested.avsc").toFile());
        assertThat(SchemaHistory.editRequested().getLast())
                .as("src/main/avro/EditRequested.avsc changed: publish it as a new version in avro-history")
                .isEqualTo(source);
        for (Schema published : SchemaHistory.editRequested()) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(EditRequested.getClassSchema(), published)
                    .getType()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }
}
