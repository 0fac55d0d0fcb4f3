package dev.runline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.testing.RunEvents;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEventCodecTest {

    private final RunEventCodec codec = new RunEventCodec();

    @Test
    void encodedEventDecodesToAnEqualEvent() {
        RunAccepted event = RunEvents.aRunAccepted().build();
        byte[] encoded = codec.encode(event);

        RunAccepted decoded = codec.decode(encoded);

        // Avro's generated equals() cannot compare logical types inside unions, so compare field values and bytes.
        assertThat(decoded.getRunId()).isEqualTo(event.getRunId());
        assertThat(decoded.getRun().getPhases().getFirst().getStartedAt())
                .isEqualTo(event.getRun().getPhases().getFirst().getStartedAt());
        assertThat(codec.encode(decoded)).isEqualTo(encoded);
    }

    @Test
    void typedMetadataAndStructuredValuesSurviveTheRoundTrip() {
        RunAccepted event = RunEvents.aRunAccepted()
                .setRun(RunEvents.aRun()
                        .setMetadata(Map.of("fixture", "F-7", "slot", 3L, "temperature", 21.5, "golden", true))
                        .setPhases(List.of(RunEvents.aPhase()
                                .setMeasurements(List.of(
                                        RunEvents.aMeasurement().setName("rows")
                                                .setMeasuredValue(new JsonValue("[[1,2],[3,4]]")).build(),
                                        RunEvents.aMeasurement().setName("flag").setMeasuredValue(true).build()))
                                .build()))
                        .build())
                .build();

        RunAccepted decoded = codec.decode(codec.encode(event));

        assertThat(decoded.getRun().getMetadata()).containsEntry("slot", 3L).containsEntry("golden", true);
        List<Measurement> measurements = decoded.getRun().getPhases().getFirst().getMeasurements();
        assertThat(measurements.get(0).getMeasuredValue()).isEqualTo(new JsonValue("[[1,2],[3,4]]"));
        assertThat(measurements.get(1).getMeasuredValue()).isEqualTo(true);
    }

    @Test
    void messagesCarryTheSingleObjectHeaderAndSchemaFingerprint() {
        byte[] bytes = codec.encode(RunEvents.aRunAccepted().build());

        // Avro single-object encoding: marker C3 01, then the 8-byte CRC-64-AVRO fingerprint.
        assertThat(Arrays.copyOf(bytes, 2)).containsExactly((byte) 0xC3, (byte) 0x01);
    }

    @Test
    void foreignBytesAreRejectedAsUndecodable() {
        byte[] json = "{\"outcome\":\"PASS\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void unknownSchemaFingerprintIsRejectedAsUndecodable() {
        byte[] bytes = codec.encode(RunEvents.aRunAccepted().build());
        bytes[5] ^= 0x5A;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void partitionKeyFoldsTheSerialsCase() {
        var org = java.util.UUID.randomUUID();

        assertThat(RunPartitionKey.of(org, "SN-Ab1")).isEqualTo(RunPartitionKey.of(org, "sn-aB1"));
    }
}
