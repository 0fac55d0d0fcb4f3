package dev.runline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.schemas.event.RunAccepted;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SchemaHistoryCompatibilityTest {

    private static final Schema CURRENT = RunAccepted.getClassSchema();

    static List<Schema> publishedSchemas() {
        return SchemaHistory.runAccepted();
    }

    @Test
    void currentSchemaIsTheNewestPublishedVersion() {
        List<Schema> history = SchemaHistory.runAccepted();
        assertThat(history).isNotEmpty();
        Schema newest = history.getLast();
        assertThat(SchemaNormalization.parsingFingerprint64(newest))
                .as("src/main/avro changed: copy the new schema into avro-history and list it in index.txt")
                .isEqualTo(SchemaNormalization.parsingFingerprint64(CURRENT));
    }

    /** The fingerprint ignores defaults and logical types, which change how old records are read. */
    @Test
    void sourceSchemaIsTheNewestPublishedVersionWithItsDefaultsAndLogicalTypes() throws Exception {
        Schema source = new Schema.Parser().parse(Path.of("src/main/avro/RunAccepted.avsc").toFile());
        assertThat(SchemaHistory.runAccepted().getLast())
                .as("src/main/avro changed (defaults or logical types): publish it as a new version in avro-history")
                .isEqualTo(source);
    }

    @ParameterizedTest
    @MethodSource("publishedSchemas")
    void currentReaderDecodesEveryPublishedVersion(Schema published) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, published);
        assertThat(result.getType()).as(result.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest
    @MethodSource("publishedSchemas")
    void everyPublishedReaderDecodesTheCurrentVersion(Schema published) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(published, CURRENT);
        assertThat(result.getType()).as(result.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void publishedVersionsAreDistinct() {
        assertThat(SchemaHistory.runAccepted().stream().map(SchemaNormalization::parsingFingerprint64))
                .doesNotHaveDuplicates();
    }
}
