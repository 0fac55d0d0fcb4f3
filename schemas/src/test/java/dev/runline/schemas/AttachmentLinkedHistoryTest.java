package dev.runline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.schemas.event.AttachmentLinked;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/** The attachment link event follows the same rules as the run event: every published version stays readable. */
class AttachmentLinkedHistoryTest {

    @Test
    void sourceSchemaIsTheNewestPublishedVersion() throws Exception {
        Schema source = new Schema.Parser().parse(Path.of("src/main/avro/AttachmentLinked.avsc").toFile());
        assertThat(SchemaHistory.attachmentLinked().getLast())
                .as("src/main/avro/AttachmentLinked.avsc changed: publish it as a new version in avro-history")
                .isEqualTo(source);
    }

    @Test
    void currentReaderDecodesEveryPublishedVersionAndBack() {
        for (Schema published : SchemaHistory.attachmentLinked()) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(AttachmentLinked.getClassSchema(), published)
                    .getType()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(published, AttachmentLinked.getClassSchema())
                    .getType()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void encodedLinkDecodesToTheSameLink() {
        AttachmentLinkedCodec codec = new AttachmentLinkedCodec();
        AttachmentLinked link = AttachmentLinked.newBuilder().setUploadId(UUID.randomUUID())
                .setOrganizationId(UUID.randomUUID()).setRunId(UUID.randomUUID()).setKeyId(UUID.randomUUID())
                .setLinkedAt(Instant.parse("2026-12-03T10:15:30.123456Z")).setObjectKey("uploads/o/u")
                .setName("scope.csv").setSize(1234).setContentType(null).build();

        AttachmentLinked decoded = codec.decode(codec.encode(link));

        assertThat(decoded.getUploadId()).isEqualTo(link.getUploadId());
        assertThat(decoded.getLinkedAt()).isEqualTo(link.getLinkedAt());
        assertThat(decoded.getContentType()).isNull();
        assertThat(codec.encode(decoded)).isEqualTo(codec.encode(link));
    }
}
