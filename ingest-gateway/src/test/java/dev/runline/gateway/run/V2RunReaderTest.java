package dev.runline.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.V2Runs;
import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.MeasurementOutcome;
import dev.runline.schemas.event.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class V2RunReaderTest {

    private static final UUID PROCEDURE = UUID.randomUUID();
    private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");

    private final V2RunReader reader = new V2RunReader(RunLimits.defaults());

    private ReadResult read(V2Runs run) {
        return reader.read(run.tree(), RECEIVED);
    }

    private Run valid(V2Runs run) {
        ReadResult result = read(run);
        assertThat(result.issues()).isEmpty();
        return result.run().build();
    }

    @Test
    void validRunIsNormalisedIntoTheEvent() {
        Run run = valid(V2Runs.valid(PROCEDURE));

        assertThat(run.getProcedureId()).isEqualTo(PROCEDURE);
        assertThat(run.getStartedAt()).isEqualTo(Instant.parse("2026-11-02T08:15:30.123Z"));
        assertThat(run.getPhases()).singleElement().satisfies(phase -> {
            assertThat(phase.getName()).isEqualTo("power_on");
            assertThat(phase.getMeasurements().getFirst().getMeasuredValue()).isEqualTo(3.3);
        });
        assertThat(run.getLogs().getFirst().getLineNumber()).isEqualTo(12);
    }

    @Test
    void missingTimesDefaultToReceiptAndStart() {
        Run run = valid(V2Runs.valid(PROCEDURE).without("started_at").without("ended_at"));

        assertThat(run.getStartedAt()).isEqualTo(RECEIVED);
        assertThat(run.getEndedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void dateTimesWithoutOffsetAreUtcAndOffsetsAreApplied() {
        Run run = valid(V2Runs.valid(PROCEDURE)
                .with("started_at", "2026-11-02T08:15:30.5")
                .with("ended_at", "2026-11-02T10:16:00+02:00"));

        assertThat(run.getStartedAt()).isEqualTo(Instant.parse("2026-11-02T08:15:30.500Z"));
        assertThat(run.getEndedAt()).isEqualTo(Instant.parse("2026-11-02T08:16:00Z"));
    }

    @Test
    void integralFloatLineNumberIsAnInteger() {
        Run run = valid(V2Runs.valid(PROCEDURE).with(List.of("logs", 0, "line_number"), 3.0));

        assertThat(run.getLogs().getFirst().getLineNumber()).isEqualTo(3);
    }

    @Test
    void measuredValuesKeepTheirTypeAndStructuredValuesStayWhole() {
        Run run = valid(V2Runs.valid(PROCEDURE)
                .with(List.of("phases", 0, "measurements", 0, "measured_value"), V2Runs.json("[[1,2],[3,4]]"))
                .with(List.of("phases", 0, "measurements", 0, "units"), V2Runs.json("[\"V\",\"A\"]"))
                .without(List.of("phases", 0, "measurements", 0, "outcome")));

        var measurement = run.getPhases().getFirst().getMeasurements().getFirst();
        assertThat(measurement.getMeasuredValue()).isEqualTo(new JsonValue("[[1,2],[3,4]]"));
        assertThat(measurement.getUnits()).isEqualTo(List.of("V", "A"));
        assertThat(measurement.getOutcome()).isEqualTo(MeasurementOutcome.UNSET);
    }

    @Test
    void metadataKeepsValueTypes() {
        Run run = valid(V2Runs.valid(PROCEDURE).with("metadata", V2Runs.json("{\"slot\":3,\"temp\":21.5,\"golden\":true,\"fixture\":\"F7\"}")));

        assertThat(run.getMetadata()).containsEntry("slot", 3L).containsEntry("temp", 21.5)
                .containsEntry("golden", true).containsEntry("fixture", "F7");
    }

    @Test
    void longLogTextIsTruncatedAndEmptyTextReplaced() {
        Run run = valid(V2Runs.valid(PROCEDURE)
                .with(List.of("logs", 0, "message"), "x".repeat(10_005))
                .with(List.of("logs", 0, "source_file"), "d/".repeat(150) + "main.py"));
        Run empty = valid(V2Runs.valid(PROCEDURE)
                .with(List.of("logs", 0, "message"), "")
                .with(List.of("logs", 0, "source_file"), ""));

        assertThat(run.getLogs().getFirst().getMessage()).hasSize(10_000);
        assertThat(run.getLogs().getFirst().getSourceFile()).hasSize(200).endsWith("main.py");
        assertThat(empty.getLogs().getFirst().getMessage()).isEqualTo("(empty)");
        assertThat(empty.getLogs().getFirst().getSourceFile()).isEqualTo("unknown");
    }

    static Stream<Arguments> badInputs() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(bad("outcome missing", r -> r.without("outcome"), "outcome"));
        cases.add(bad("outcome unknown", r -> r.with("outcome", "PASSED"), "outcome"));
        cases.add(bad("outcome lower case", r -> r.with("outcome", "pass"), "outcome"));
        cases.add(bad("outcome not a string", r -> r.with("outcome", 1), "outcome"));
        cases.add(bad("procedure_id missing", r -> r.without("procedure_id"), "procedure_id"));
        cases.add(bad("procedure_id malformed", r -> r.with("procedure_id", "not-a-uuid"), "procedure_id"));
        cases.add(bad("serial missing", r -> r.without("serial_number"), "serial_number"));
        cases.add(bad("serial empty", r -> r.with("serial_number", ""), "serial_number"));
        cases.add(bad("serial with space", r -> r.with("serial_number", "SN 1"), "serial_number"));
        cases.add(bad("serial too long", r -> r.with("serial_number", "S".repeat(61)), "serial_number"));
        cases.add(bad("serial a number", r -> r.with("serial_number", 42), "serial_number"));
        cases.add(bad("part number with slash", r -> r.with("part_number", "PCB/1"), "part_number"));
        cases.add(bad("part number empty", r -> r.with("part_number", ""), "part_number"));
        cases.add(bad("revision with space", r -> r.with("revision_number", "rev A"), "revision_number"));
        cases.add(bad("batch too long", r -> r.with("batch_number", "B".repeat(61)), "batch_number"));
        cases.add(bad("version with space", r -> r.with("procedure_version", "v 1"), "procedure_version"));
        cases.add(bad("operator not an email", r -> r.with("operated_by", "alice"), "operated_by"));
        cases.add(bad("operator email too long", r -> r.with("operated_by", "a".repeat(250) + "@x.io"), "operated_by"));
        cases.add(bad("started_at not a date", r -> r.with("started_at", "yesterday"), "started_at"));
        cases.add(bad("ended before started", r -> r.with("ended_at", "2026-11-02T08:00:00Z"), "ended_at"));
        cases.add(bad("docstring too long", r -> r.with("docstring", "d".repeat(50_001)), "docstring"));
        cases.add(bad("sub_units not an array", r -> r.with("sub_units", "SN-2"), "sub_units"));
        cases.add(bad("sub-unit serial invalid", r -> r.with("sub_units", V2Runs.json("[\"ok\",\"not ok\"]")), "sub_units", 1));
        cases.add(bad("metadata not an object", r -> r.with("metadata", V2Runs.json("[1]")), "metadata"));
        cases.add(bad("metadata nested value", r -> r.with("metadata", V2Runs.json("{\"a\":{\"b\":1}}")), "metadata", "a"));
        cases.add(bad("metadata over 50 keys", r -> r.with("metadata", manyKeys(51)), "metadata"));
        cases.add(bad("unit_metadata array value", r -> r.with("unit_metadata", V2Runs.json("{\"a\":[1]}")), "unit_metadata", "a"));
        cases.add(bad("phases not an array", r -> r.with("phases", "x"), "phases"));
        cases.add(bad("phase not an object", r -> r.with(List.of("phases", 0), 5), "phases", 0));
        cases.add(bad("phase name missing", r -> r.without(List.of("phases", 0, "name")), "phases", 0, "name"));
        cases.add(bad("phase outcome unknown", r -> r.with(List.of("phases", 0, "outcome"), "UNSET"), "phases", 0, "outcome"));
        cases.add(bad("phase ends before start", r -> r.with(List.of("phases", 0, "ended_at"), "2026-11-02T08:00:00Z"), "phases", 0, "ended_at"));
        cases.add(bad("phase retry_count negative", r -> r.with(List.of("phases", 0, "retry_count"), -1), "phases", 0, "retry_count"));
        cases.add(bad("phase retry_count fractional", r -> r.with(List.of("phases", 0, "retry_count"), 1.5), "phases", 0, "retry_count"));
        cases.add(bad("measurement outcome unknown", r -> r.with(List.of("phases", 0, "measurements", 0, "outcome"), "SKIP"), "phases", 0, "measurements", 0, "outcome"));
        cases.add(bad("measurement name missing", r -> r.without(List.of("phases", 0, "measurements", 0, "name")), "phases", 0, "measurements", 0, "name"));
        cases.add(bad("measurement units a number", r -> r.with(List.of("phases", 0, "measurements", 0, "units"), 5), "phases", 0, "measurements", 0, "units"));
        cases.add(bad("measurement validators an object", r -> r.with(List.of("phases", 0, "measurements", 0, "validators"), V2Runs.json("{}")), "phases", 0, "measurements", 0, "validators"));
        cases.add(bad("log level unknown", r -> r.with(List.of("logs", 0, "level"), "TRACE"), "logs", 0, "level"));
        cases.add(bad("log line number fractional", r -> r.with(List.of("logs", 0, "line_number"), 3.5), "logs", 0, "line_number"));
        cases.add(bad("log timestamp malformed", r -> r.with(List.of("logs", 0, "timestamp"), "12:00"), "logs", 0, "timestamp"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsReportedAtItsPath(String description, UnaryOperator<V2Runs> change, List<Object> path) {
        ReadResult result = read(change.apply(V2Runs.valid(PROCEDURE)));

        assertThat(result.isValid()).isFalse();
        assertThat(result.issues()).extracting(Issue::path).containsExactly(path);
    }

    @Test
    void everyFailingFieldIsReportedInOneAnswer() {
        ReadResult result = read(V2Runs.valid(PROCEDURE)
                .with("outcome", "MAYBE")
                .with("serial_number", "a b")
                .with(List.of("phases", 0, "measurements", 0, "outcome"), "NOPE"));

        assertThat(result.issues()).extracting(Issue::path).containsExactlyInAnyOrder(
                List.of("outcome"), List.of("serial_number"), List.of("phases", 0, "measurements", 0, "outcome"));
    }

    @Test
    void bodyThatIsNotAnObjectIsRejected() {
        ReadResult result = reader.read(V2Runs.json("[1,2]"), RECEIVED);

        assertThat(result.issues()).extracting(Issue::path).containsExactly(List.of());
    }

    @Test
    void phaseCountOverTheLimitNamesTheSetting() {
        V2RunReader strict = new V2RunReader(new RunLimits(1, 10, 10, 10, 10));
        V2Runs run = V2Runs.valid(PROCEDURE);
        run.with(List.of("phases", 1), run.tree().get("phases").get(0));

        ReadResult result = strict.read(run.tree(), RECEIVED);

        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.path()).containsExactly("phases");
            assertThat(issue.message()).contains("runline.gateway.limits.max-phases");
        });
    }

    @Test
    void unknownFieldsAreIgnored() {
        valid(V2Runs.valid(PROCEDURE).with("deployment_id", "d-1").with("something_new", true));
    }

    private static Arguments bad(String description, UnaryOperator<V2Runs> change, Object... path) {
        return Arguments.of(description, change, List.of(path));
    }

    private static tools.jackson.databind.JsonNode manyKeys(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return V2Runs.json(json.append('}').toString());
    }
}
