package dev.runline.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.MeasurementOutcome;
import dev.runline.schemas.event.Run;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;

class V2RunReaderTest {

    private static final UUID PROCEDURE = UUID.randomUUID();
    private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");

    private final V2RunReader reader = new V2RunReader(RunLimits.defaults());

    private ReadResult read(RunBody run) {
        return reader.read(run.tree(), RECEIVED);
    }

    private Run valid(RunBody run) {
        ReadResult result = read(run);
        assertThat(result.issues()).isEmpty();
        return result.run().build();
    }

    private static List<Object> append(List<Object> path, Object step) {
        return Issue.append(path, step);
    }

    @Test
    void validRunIsNormalisedIntoTheEvent() {
        Run run = valid(RunBody.v2(PROCEDURE));

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
        Run run = valid(RunBody.v2(PROCEDURE).without("started_at").without("ended_at"));

        assertThat(run.getStartedAt()).isEqualTo(RECEIVED);
        assertThat(run.getEndedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void onlyEndedAtGivenMeansTheRunStartedWhenItEnded() {
        Run run = valid(RunBody.v2(PROCEDURE).without("started_at").with("ended_at", "2026-11-02T08:16:12Z"));

        assertThat(run.getStartedAt()).isEqualTo(Instant.parse("2026-11-02T08:16:12Z"));
        assertThat(run.getEndedAt()).isEqualTo(Instant.parse("2026-11-02T08:16:12Z"));
    }

    @Test
    void dateTimesWithoutOffsetAreUtcAndOffsetsAreApplied() {
        Run run = valid(RunBody.v2(PROCEDURE)
                .with("started_at", "2026-11-02T08:15:30.5")
                .with("ended_at", "2026-11-02T10:16:00+02:00"));

        assertThat(run.getStartedAt()).isEqualTo(Instant.parse("2026-11-02T08:15:30.500Z"));
        assertThat(run.getEndedAt()).isEqualTo(Instant.parse("2026-11-02T08:16:00Z"));
    }

    @Test
    void integralFloatLineNumberIsAnInteger() {
        Run run = valid(RunBody.v2(PROCEDURE).with(List.of("logs", 0, "line_number"), 3.0));

        assertThat(run.getLogs().getFirst().getLineNumber()).isEqualTo(3);
    }

    @Test
    void measuredValuesKeepTheirTypeAndStructuredValuesStayWhole() {
        Run run = valid(RunBody.v2(PROCEDURE)
                .with(List.of("phases", 0, "measurements", 0, "measured_value"), RunBody.json("[[1,2],[3,4]]"))
                .with(List.of("phases", 0, "measurements", 0, "units"), RunBody.json("[\"V\",\"A\"]"))
                .without(List.of("phases", 0, "measurements", 0, "outcome")));

        var measurement = run.getPhases().getFirst().getMeasurements().getFirst();
        assertThat(measurement.getMeasuredValue()).isEqualTo(new JsonValue("[[1,2],[3,4]]"));
        assertThat(measurement.getUnits()).isEqualTo(List.of("V", "A"));
        assertThat(measurement.getOutcome()).isEqualTo(MeasurementOutcome.UNSET);
    }

    @Test
    void metadataKeepsValueTypes() {
        Run run = valid(RunBody.v2(PROCEDURE).with("metadata", RunBody.json("{\"slot\":3,\"temp\":21.5,\"golden\":true,\"fixture\":\"F7\"}")));

        assertThat(run.getMetadata()).containsEntry("slot", 3L).containsEntry("temp", 21.5)
                .containsEntry("golden", true).containsEntry("fixture", "F7");
    }

    @Test
    void longLogTextIsTruncatedAndEmptyTextReplaced() {
        Run run = valid(RunBody.v2(PROCEDURE)
                .with(List.of("logs", 0, "message"), "x".repeat(10_005))
                .with(List.of("logs", 0, "source_file"), "d/".repeat(150) + "main.py"));
        Run empty = valid(RunBody.v2(PROCEDURE)
                .with(List.of("logs", 0, "message"), "")
                .with(List.of("logs", 0, "source_file"), ""));

        assertThat(run.getLogs().getFirst().getMessage()).hasSize(10_000);
        assertThat(run.getLogs().getFirst().getSourceFile()).hasSize(200).endsWith("main.py");
        assertThat(empty.getLogs().getFirst().getMessage()).isEqualTo("(empty)");
        assertThat(empty.getLogs().getFirst().getSourceFile()).isEqualTo("unknown");
    }

    @Test
    void everyFailingFieldIsReportedInOneAnswer() {
        ReadResult result = read(RunBody.v2(PROCEDURE)
                .with("outcome", "MAYBE")
                .with("serial_number", "a b")
                .with(List.of("phases", 0, "measurements", 0, "outcome"), "NOPE"));

        assertThat(result.issues()).extracting(Issue::path).containsExactlyInAnyOrder(
                List.of("outcome"), List.of("serial_number"), List.of("phases", 0, "measurements", 0, "outcome"));
    }

    @Test
    void bodyThatIsNotAnObjectIsRejected() {
        ReadResult result = reader.read(RunBody.json("[1,2]"), RECEIVED);

        assertThat(result.issues()).extracting(Issue::path).containsExactly(List.of());
    }

    @Test
    void phaseCountOverTheLimitNamesTheSetting() {
        V2RunReader strict = new V2RunReader(new RunLimits(1, 10, 10, 10, 10));
        RunBody run = RunBody.v2(PROCEDURE);
        run.with(List.of("phases", 1), run.tree().get("phases").get(0));

        ReadResult result = strict.read(run.tree(), RECEIVED);

        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.path()).containsExactly("phases");
            assertThat(issue.message()).contains("runline.gateway.limits.max-phases");
        });
    }

    @Test
    void limitIsAnsweredAloneBeforeAnyElementIsRead() {
        ReadResult result = read(RunBody.v2(PROCEDURE).with("logs", RunBody.copies(RunBody.json("0"), 100_000)));

        assertThat(result.issuesFound()).isEqualTo(1);
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.path()).containsExactly("logs");
            assertThat(issue.message()).contains("100000", "runline.gateway.limits.max-logs");
        });
    }

    @Test
    void onlyTheFirstHundredIssuesAreListedAndTheRestCounted() {
        V2RunReader lenient = new V2RunReader(new RunLimits(1000, 10_000, 50_000, 200_000, 1000));

        ReadResult result = lenient.read(RunBody.v2(PROCEDURE).with("logs", RunBody.copies(RunBody.json("0"), 100_000)).tree(),
                RECEIVED);

        assertThat(result.issuesFound()).isEqualTo(100_000);
        assertThat(result.issues()).hasSize(JsonFields.ISSUES_LISTED);
        assertThat(result.issues().getFirst().path()).containsExactly("logs", 0);
    }

    @Test
    void measurementOverThePhaseLimitIsAnsweredBeforeMeasurementsAreRead() {
        V2RunReader strict = new V2RunReader(new RunLimits(10, 2, 10, 10, 10));

        ReadResult result = strict.read(RunBody.v2(PROCEDURE)
                .with(List.of("phases", 0, "measurements"), RunBody.copies(RunBody.json("\"not a measurement\""), 3)).tree(),
                RECEIVED);

        assertThat(result.issues()).extracting(Issue::path).containsExactly(List.of("phases", 0, "measurements"));
    }

    @Test
    void thousandsOfMeasurementsPassAtTheDefaultLimits() {
        RunBody body = RunBody.v2(PROCEDURE);
        body.with(List.of("phases", 0, "measurements"),
                RunBody.copies(body.tree().at("/phases/0/measurements/0"), 1000));
        body.with("phases", RunBody.copies(body.tree().at("/phases/0"), 5));

        Run run = valid(body);

        assertThat(run.getPhases()).hasSize(5).allSatisfy(phase -> assertThat(phase.getMeasurements()).hasSize(1000));
    }

    /** Validators sent and deprecated limits (appended as {@code >=} and {@code <=}), as the stored JSON text. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "ABSENT", value = {
        "neither                 | ABSENT                                     | ABSENT | ABSENT | ABSENT",
        "empty validators        | []                                         | ABSENT | ABSENT | []",
        "null validators         | null                                       | ABSENT | ABSENT | ABSENT",
        "null validators, a limit| null                                       | 1.5    | ABSENT | [{\"operator\":\">=\",\"expected_value\":1.5}]",
        "upper limit only        | ABSENT                                     | ABSENT | 3      | [{\"operator\":\"<=\",\"expected_value\":3.0}]",
        "both limits             | ABSENT                                     | 1      | 3.25   | [{\"operator\":\">=\",\"expected_value\":1.0},{\"operator\":\"<=\",\"expected_value\":3.25}]",
        "validators and a limit  | [{\"operator\":\"==\",\"expected_value\":\"OK\"}] | ABSENT | 9 | [{\"operator\":\"==\",\"expected_value\":\"OK\"},{\"operator\":\"<=\",\"expected_value\":9.0}]",
        "validators kept as sent | [{\"expression\":\"x > 1\",\"is_decisive\":false}] | ABSENT | ABSENT | [{\"expression\":\"x > 1\",\"is_decisive\":false}]"
    })
    void validatorsAndLegacyLimitsBecomeOneValidatorList(String name, String validators, String lower, String upper,
            String stored) {
        List<Object> measurement = List.of("phases", 0, "measurements", 0);
        RunBody body = RunBody.v2(PROCEDURE);
        if (validators != null) {
            body = body.with(append(measurement, "validators"), RunBody.json(validators));
        }
        if (lower != null) {
            body = body.with(append(measurement, "lower_limit"), RunBody.json(lower));
        }
        if (upper != null) {
            body = body.with(append(measurement, "upper_limit"), RunBody.json(upper));
        }

        JsonValue validatorsStored = valid(body).getPhases().getFirst().getMeasurements().getFirst().getValidators();

        assertThat(validatorsStored == null ? null : validatorsStored.getJson()).isEqualTo(stored);
    }

    @Test
    void numbersBeyondADoublesRangeAreRefusedWhereverTheyAre() {
        List<Object> measurement = List.of("phases", 0, "measurements", 0);
        ReadResult result = read(RunBody.v2(PROCEDURE)
                .with(append(measurement, "measured_value"), RunBody.json("1e400"))
                .with(append(measurement, "lower_limit"), RunBody.json("-1e400"))
                .with(append(measurement, "validators"), RunBody.json("[{\"operator\":\"<\",\"expected_value\":1e400}]"))
                .with(append(measurement, "y_axis"), RunBody.json("[{\"data\":[1, 1" + "0".repeat(400) + "]}]"))
                .with("metadata", RunBody.json("{\"gain\":1e999}"))
                .with(List.of("logs", 0, "line_number"), RunBody.json("1e400")));

        assertThat(result.issues()).extracting(Issue::message).containsOnly("must be a finite number");
        assertThat(result.issues()).extracting(Issue::path).containsExactlyInAnyOrder(
                append(measurement, "measured_value"),
                append(measurement, "lower_limit"),
                List.of("phases", 0, "measurements", 0, "validators", 0, "expected_value"),
                List.of("phases", 0, "measurements", 0, "y_axis", 0, "data", 1),
                List.of("metadata", "gain"),
                List.of("logs", 0, "line_number"));
    }

    @Test
    void largeButFiniteNumbersAreKept() {
        Run run = valid(RunBody.v2(PROCEDURE).with(List.of("phases", 0, "measurements", 0, "measured_value"), RunBody.json("1e300")));

        assertThat(run.getPhases().getFirst().getMeasurements().getFirst().getMeasuredValue()).isEqualTo(1e300);
    }

    @Test
    void emptyProcedureVersionIsRefused() {
        ReadResult result = read(RunBody.v2(PROCEDURE).with("procedure_version", ""));

        assertThat(result.issues()).extracting(Issue::path).containsExactly(List.of("procedure_version"));
    }

    @Test
    void unitKeysAreReportedAtTopLevel() {
        assertThat(read(RunBody.v2(PROCEDURE)).unitPaths()).isEqualTo(UnitPaths.TOP_LEVEL);
    }

    @Test
    void unknownFieldsAreIgnored() {
        valid(RunBody.v2(PROCEDURE).with("deployment_id", "d-1").with("something_new", true));
    }

}
