package dev.runline.gateway.openhtf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.ReadResult;
import dev.runline.gateway.run.RunLimits;
import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.MeasurementOutcome;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Records that cannot become a run, and the rules at the edges of those that can: issues point into the record. */
class OpenHtfBadRecordTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
    private static final List<Object> VCC = List.of("phases", 1, "measurements", "vcc");
    private static final List<Object> NOTE = List.of("phases", 1, "attachments", "note.txt");
    private static final List<Object> LOG = List.of("log_records", 0);

    private final OpenHtfRecordConverter converter = new OpenHtfRecordConverter(RunLimits.defaults());

    private OpenHtfConversion convert(RecordBody record) {
        return converter.convert(record.tree(), RECEIVED);
    }

    private Run valid(RecordBody record) {
        ReadResult result = convert(record).run();
        assertThat(result.issues()).isEmpty();
        Run.Builder run = result.run();
        return (run.hasProcedureId() ? run : run.setProcedureId(UUID.randomUUID())).build();
    }

    private List<Issue> issues(RecordBody record) {
        OpenHtfConversion conversion = convert(record);
        assertThat(conversion.run().isValid()).isFalse();
        assertThat(conversion.attachments()).isEmpty();
        return conversion.run().issues();
    }

    private static List<Object> at(List<Object> path, Object... steps) {
        List<Object> longer = new ArrayList<>(path);
        longer.addAll(List.of(steps));
        return longer;
    }

    @Test
    void validRecordBecomesARunWithItsAttachment() {
        OpenHtfConversion conversion = convert(RecordBody.valid());
        Run run = valid(RecordBody.valid());

        assertThat(run.getSerialNumber()).isEqualTo("PCB100-0001");
        assertThat(run.getMetadata()).containsEntry("station_id", "bench-3").containsEntry("test_name", "eol");
        assertThat(run.getPhases().get(1).getDocstring()).isEqualTo("Powers the board.");
        assertThat(run.getLogs().getFirst().getLevel().name()).isEqualTo("INFO");
        assertThat(conversion.attachments()).singleElement().satisfies(note -> {
            assertThat(note.name()).isEqualTo("note.txt");
            assertThat(note.contentType()).isEqualTo("text/plain");
            assertThat(note.data()).asString().isEqualTo("hello");
        });
    }

    static Stream<Arguments> notRecords() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return Stream.of(Arguments.of((JsonNode) null), Arguments.of(nodes.nullNode()), Arguments.of(RecordBody.json("[1, 2]")),
                Arguments.of(RecordBody.json("[{\"dut_id\": \"A\"}]")), Arguments.of(RecordBody.json("42")),
                Arguments.of(RecordBody.json("\"dut_id\"")), Arguments.of(RecordBody.json("{}")),
                Arguments.of(RecordBody.json("{\"serial_number\": \"SN1\", \"run_passed\": true}")));
    }

    @ParameterizedTest
    @MethodSource("notRecords")
    void documentThatIsNotAnOpenHtfRecordGetsOneIssue(JsonNode document) {
        ReadResult result = converter.convert(document, RECEIVED).run();

        assertThat(result.isValid()).isFalse();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.path()).isEmpty();
            assertThat(issue.message()).isEqualTo(
                    "must be an OpenHTF test record (JSON written by openhtf's json_factory.OutputToJSON)");
        });
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of(List.of("dut_id"), "PCB 100", "may contain only letters, digits and _ . : + -"),
                Arguments.of(List.of("dut_id"), "PCB/100", "may contain only letters, digits and _ . : + -"),
                Arguments.of(List.of("dut_id"), "A".repeat(61), "must be 1 to 60 characters"),
                Arguments.of(List.of("dut_id"), "", "must be 1 to 60 characters"),
                Arguments.of(List.of("dut_id"), 42, "must be a string"),
                Arguments.of(List.of("dut_id"), "A\u0000", "may contain only letters, digits and _ . : + -"),
                Arguments.of(List.of("outcome"), "MAYBE", "must be one of [PASS, FAIL, ERROR, TIMEOUT, ABORTED]"),
                Arguments.of(List.of("outcome"), "SKIP", "must be one of [PASS, FAIL, ERROR, TIMEOUT, ABORTED]"),
                Arguments.of(List.of("outcome"), true, "must be a string"),
                Arguments.of(List.of("start_time_millis"), "soon", "must be a number"),
                Arguments.of(List.of("start_time_millis"), -1, "must be epoch milliseconds between 1970 and 9999"),
                Arguments.of(List.of("start_time_millis"), RecordBody.json("1e400"), "must be a finite number"),
                Arguments.of(List.of("end_time_millis"), RecordBody.json("[]"), "must be a number"),
                Arguments.of(List.of("metadata"), "FVT1", "must be an object"),
                Arguments.of(List.of("metadata", "procedure_id"), 7, "must be a string"),
                Arguments.of(List.of("metadata", "procedure_id"), "", "must not be empty"),
                Arguments.of(List.of("metadata", "procedure_id"), "F".repeat(256), "must be at most 255 characters"),
                Arguments.of(List.of("metadata", "part_number"), "PCB 100", "may contain only letters, digits and _ . : + -"),
                Arguments.of(List.of("metadata", "revision_number"), 3, "must be a string"),
                Arguments.of(List.of("metadata", "batch_number"), "", "must be 1 to 60 characters"),
                Arguments.of(List.of("metadata", "procedure_version"), "", "must not be empty"),
                Arguments.of(List.of("metadata", "test_name"), RecordBody.json("[]"), "must be a string"),
                Arguments.of(List.of("station_id"), 5, "must be a string"),
                Arguments.of(List.of("outcome_details"), "boom", "must be an array"),
                Arguments.of(List.of("outcome_details", 0), 5, "must be an object"),
                Arguments.of(List.of("outcome_details", 0), RecordBody.json("{\"code\": [], \"description\": \"x\"}"), null),
                Arguments.of(List.of("phases"), "power_on", "must be an array"),
                Arguments.of(List.of("phases", 1), 5, "must be an object"),
                Arguments.of(List.of("phases", 1, "name"), 7, "must be a string"),
                Arguments.of(List.of("phases", 1, "name"), "", "must not be empty"),
                Arguments.of(List.of("phases", 1, "outcome"), "TIMEOUT", "must be one of [PASS, FAIL, SKIP, ERROR]"),
                Arguments.of(List.of("phases", 1, "start_time_millis"), "x", "must be a number"),
                Arguments.of(List.of("phases", 1, "codeinfo"), "x", "must be an object"),
                Arguments.of(List.of("phases", 1, "codeinfo", "docstring"), 5, "must be a string"),
                Arguments.of(List.of("phases", 1, "measurements"), RecordBody.json("[]"), "must be an object keyed by measurement name"),
                Arguments.of(VCC, "3.3", "must be an object"),
                Arguments.of(at(VCC, "outcome"), "GOOD", "must be one of [PASS, FAIL, UNSET, PARTIALLY_SET, SKIPPED]"),
                Arguments.of(at(VCC, "outcome"), 1, "must be a string"),
                Arguments.of(at(VCC, "measured_value"), RecordBody.json("1e400"), "must be a finite number"),
                Arguments.of(at(VCC, "measured_value"), "3.3\u0000", "must not contain the NUL character (U+0000)"),
                Arguments.of(at(VCC, "units"), 5, "must be a unit object (name, code, suffix)"),
                Arguments.of(at(VCC, "units", "suffix"), 5, "must be a string"),
                Arguments.of(at(VCC, "validators"), "x <= 2", "must be an array of strings"),
                Arguments.of(at(VCC, "validators", 0), 2, "must be a string"),
                Arguments.of(at(VCC, "docstring"), false, "must be a string"),
                Arguments.of(at(VCC, "dimensions"), "s", "must be an array"),
                Arguments.of(List.of("phases", 1, "attachments"), RecordBody.json("[]"), "must be an object keyed by attachment name"),
                Arguments.of(NOTE, "aGVsbG8=", "must be an object"),
                Arguments.of(at(NOTE, "data"), "not base64!", "must be base64 (the standard alphabet, as OpenHTF writes it)"),
                Arguments.of(at(NOTE, "data"), 5, "must be a base64 string"),
                Arguments.of(at(NOTE, "mimetype"), 5, "must be a string"),
                Arguments.of(List.of("log_records"), RecordBody.json("{}"), "must be an array"),
                Arguments.of(LOG, "powered", "must be an object"),
                Arguments.of(at(LOG, "level"), "INFO", "must be an integer"),
                Arguments.of(at(LOG, "level"), 10.5, "must be an integer"),
                Arguments.of(at(LOG, "level"), RecordBody.json("1e400"), "must be a finite number"),
                Arguments.of(at(LOG, "lineno"), -1, "must be an integer >= 0"),
                Arguments.of(at(LOG, "timestamp_millis"), "now", "must be a number"),
                Arguments.of(at(LOG, "message"), 5, "must be a string"),
                Arguments.of(at(LOG, "message"), "a\u0000b", "must not contain the NUL character (U+0000)"),
                Arguments.of(at(LOG, "source"), RecordBody.json("[]"), "must be a string"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void wrongValueIsAnIssueAtItsPathInTheRecord(List<Object> path, Object value, String message) {
        List<Issue> issues = issues(RecordBody.valid().with(path, value));

        if (message == null) {
            // The issue is one level deeper than what was replaced (a field inside a new object): only its place is checked.
            assertThat(issues).isNotEmpty().allSatisfy(issue -> assertThat(issue.path()).startsWith(path.toArray()));
            return;
        }
        assertThat(issues).extracting(Issue::path, Issue::message)
                .containsExactly(tuple(path, message));
    }

    @Test
    void aBase64StringWithoutPaddingIsAcceptedAsTheJavaDecoderDoes() {
        OpenHtfConversion conversion = convert(RecordBody.valid().with(at(NOTE, "data"), "aGVsbG8"));

        assertThat(conversion.run().issues()).isEmpty();
        assertThat(conversion.attachments().getFirst().data()).asString().isEqualTo("hello");
    }

    @Test
    void missingRequiredFieldsAreEachReported() {
        List<Issue> issues = issues(RecordBody.valid().without("dut_id").without("outcome").without(List.of("metadata", "procedure_id"))
                .without(List.of("phases", 1, "name")).without(List.of("phases", 1, "outcome")).without(at(LOG, "level")));

        assertThat(issues).extracting(Issue::path).containsExactlyInAnyOrder(List.of("dut_id"), List.of("outcome"),
                List.of("metadata", "procedure_id"), List.of("phases", 1, "name"), List.of("phases", 1, "outcome"),
                at(LOG, "level"));
        assertThat(issues).extracting(Issue::message).containsOnly("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"metadata", "procedure_id"})
    void missingProcedureIsReportedWhereItBelongs(String removed) {
        RecordBody record = removed.equals("metadata") ? RecordBody.valid().without("metadata")
                : RecordBody.valid().without(List.of("metadata", "procedure_id"));

        assertThat(issues(record)).extracting(Issue::path, Issue::message)
                .containsExactly(tuple(List.of("metadata", "procedure_id"), "is required"));
    }

    @Test
    void procedureUuidIsTheProcedureIdAndAnythingElseItsIdentifier() {
        UUID procedure = UUID.randomUUID();
        ReadResult byId = convert(RecordBody.valid().with(List.of("metadata", "procedure_id"), procedure.toString())).run();
        ReadResult byIdentifier = convert(RecordBody.valid()).run();

        assertThat(byId.run().getProcedureId()).isEqualTo(procedure);
        assertThat(byId.procedureIdentifier()).isNull();
        assertThat(byIdentifier.run().hasProcedureId()).isFalse();
        assertThat(byIdentifier.procedureIdentifier()).isEqualTo("FVT1");
    }

    @Test
    void unitAndVersionComeFromMetadata() {
        Run run = valid(RecordBody.valid().with(List.of("metadata", "revision_number"), "B")
                .with(List.of("metadata", "batch_number"), "2026-W49").with(List.of("metadata", "procedure_version"), "v1.2.0"));

        assertThat(run.getPartNumber()).isEqualTo("PCB-100");
        assertThat(run.getRevisionNumber()).isEqualTo("B");
        assertThat(run.getBatchNumber()).isEqualTo("2026-W49");
        assertThat(run.getProcedureVersion()).isEqualTo("v1.2.0");
    }

    @Test
    void stationIdFallsBackToTheConfigs() {
        Run run = valid(RecordBody.valid().without("station_id"));

        assertThat(run.getMetadata()).containsEntry("station_id", "vm");
    }

    @Test
    void endBeforeStartIsAnIssueForTheRecordAndForAPhase() {
        assertThat(issues(RecordBody.valid().with("end_time_millis", 1796309272700L))).extracting(Issue::path, Issue::message)
                .containsExactly(tuple(List.of("end_time_millis"), "must not be before start_time_millis"));
        assertThat(issues(RecordBody.valid().with(List.of("phases", 1, "end_time_millis"), 1796309272700L)))
                .extracting(Issue::path).containsExactly(List.of("phases", 1, "end_time_millis"));
    }

    @Test
    void missingEndIsTheStartAndMissingStartTheReceipt() {
        Run noEnd = valid(RecordBody.valid().without("end_time_millis"));
        Run noTimes = valid(RecordBody.valid().without("end_time_millis").without("start_time_millis"));
        Run onlyEnd = valid(RecordBody.valid().without("start_time_millis"));

        assertThat(noEnd.getEndedAt()).isEqualTo(Instant.ofEpochMilli(1796309272752L));
        assertThat(noTimes.getStartedAt()).isEqualTo(RECEIVED);
        assertThat(noTimes.getEndedAt()).isEqualTo(RECEIVED);
        assertThat(onlyEnd.getStartedAt()).isEqualTo(Instant.ofEpochMilli(1796309272760L));
    }

    @Test
    void repeatedPhasesAreKeptWithTheirRetryCount() {
        RecordBody record = RecordBody.valid();
        JsonNode powerOn = record.tree().get("phases").get(1);
        ((ArrayNode) record.tree().get("phases")).add(powerOn.deepCopy()).add(powerOn.deepCopy());
        ((ObjectNode) record.tree().get("phases").get(2)).put("name", "other");

        Run run = valid(record);

        assertThat(run.getPhases()).extracting(Phase::getName).containsExactly("trigger_phase", "power_on", "other", "power_on");
        assertThat(run.getPhases()).extracting(Phase::getRetryCount).containsExactly(0, 0, 0, 1);
    }

    @Test
    void exceptionOfAPhaseFollowsItsDocstring() {
        Run run = valid(RecordBody.valid().with(List.of("phases", 1, "result", "phase_result"),
                RecordBody.json("{\"exc_type\": \"<class 'ValueError'>\", \"exc_val\": \"bad\", \"exc_tb\": \"Traceback\\nValueError: bad\\n\"}")));

        assertThat(run.getPhases().get(1).getDocstring()).isEqualTo("Powers the board.\n\nValueError: bad\n\nTraceback\nValueError: bad");
    }

    @Test
    void longDocstringIsCutNotRefused() {
        Run run = valid(RecordBody.valid().with(List.of("phases", 1, "codeinfo", "docstring"), "d".repeat(60_000)));

        assertThat(run.getPhases().get(1).getDocstring()).hasSize(50_000);
    }

    @Test
    void outcomeDetailsAreTheRunDocstring() {
        Run run = valid(RecordBody.valid().with("outcome_details",
                RecordBody.json("[{\"code\": \"RuntimeError\", \"description\": \"door\"}, {\"code\": 3, \"description\": \"\"}]")));

        assertThat(run.getDocstring()).isEqualTo("RuntimeError: door\n3");
    }

    @Test
    void partiallySetMeasurementIsUnsetAndMissingOutcomeToo() {
        Run partial = valid(RecordBody.valid().with(at(VCC, "outcome"), "PARTIALLY_SET"));
        Run missing = valid(RecordBody.valid().without(at(VCC, "outcome")));

        assertThat(partial.getPhases().get(1).getMeasurements().getFirst().getOutcome()).isEqualTo(MeasurementOutcome.UNSET);
        assertThat(missing.getPhases().get(1).getMeasurements().getFirst().getOutcome()).isEqualTo(MeasurementOutcome.UNSET);
    }

    @Test
    void measurementOfASkippedPhaseIsUnset() {
        // OpenHTF marks the unset measurements of a skipped phase SKIPPED (test_state._finalize_measurements).
        Run run = valid(RecordBody.valid().with(List.of("phases", 1, "outcome"), "SKIP")
                .with(List.of("phases", 1, "result", "phase_result"), "SKIP")
                .with(at(VCC, "outcome"), "SKIPPED").without(at(VCC, "measured_value")));

        Measurement vcc = measurement(run);
        assertThat(vcc.getOutcome()).isEqualTo(MeasurementOutcome.UNSET);
        assertThat(vcc.getMeasuredValue()).isNull();
        assertThat(RecordBody.json(vcc.getValidators().getJson()).get(0).get("outcome").stringValue()).isEqualTo("UNSET");
    }

    @Test
    void unitIsTheSuffixElseTheNameAndOpenHtfsNoneIsNoUnit() {
        Measurement named = measurement(valid(RecordBody.valid().with(at(VCC, "units"),
                RecordBody.json("{\"name\": \"ratio\", \"code\": \"NDL\", \"suffix\": null}"))));
        Measurement none = measurement(valid(RecordBody.valid().with(at(VCC, "units"),
                RecordBody.json("{\"name\": \"None\", \"code\": null, \"suffix\": null}"))));

        assertThat(named.getUnits()).isEqualTo("ratio");
        assertThat(none.getUnits()).isNull();
    }

    @Test
    void dimensionedValueKeepsItsRowsAndAUnitPerColumn() {
        Measurement sweep = measurement(valid(RecordBody.valid()
                .with(at(VCC, "dimensions"), RecordBody.json("[{\"code\": \"NDL\", \"description\": \"channel\", \"name\": \"channel\", \"suffix\": null}]"))
                .without(at(VCC, "units"))
                .with(at(VCC, "measured_value"), RecordBody.json("[[\"a\", 1.5], [\"b\", 2]]"))));

        assertThat(sweep.getUnits()).isEqualTo(List.of("channel", ""));
        assertThat(sweep.getMeasuredValue()).isEqualTo(new JsonValue("[[\"a\",1.5],[\"b\",2]]"));
    }

    @Test
    void rowOfTheWrongWidthIsAnIssueAtTheRow() {
        List<Issue> issues = issues(RecordBody.valid().with(at(VCC, "dimensions"), RecordBody.json("[{\"suffix\": \"s\"}]"))
                .with(at(VCC, "measured_value"), RecordBody.json("[[0, 1.0], [1, 2.0, 3.0], 4]")));

        assertThat(issues).extracting(Issue::path).containsExactly(at(VCC, "measured_value", 1), at(VCC, "measured_value", 2));
    }

    @Test
    void scalarValueOfADimensionedMeasurementIsAnIssue() {
        List<Issue> issues = issues(RecordBody.valid().with(at(VCC, "dimensions"), RecordBody.json("[{\"suffix\": \"s\"}]")));

        assertThat(issues).extracting(Issue::path, Issue::message).containsExactly(tuple(
                at(VCC, "measured_value"), "must be an array of rows (the measurement has dimensions)"));
    }

    @Test
    void configThatIsNotAnObjectIsAnIssueWhenTheStationIdIsLookedUpThere() {
        List<Issue> issues = issues(RecordBody.valid().without("station_id").with(List.of("metadata", "config"), "vm"));

        assertThat(issues).extracting(Issue::path).containsExactly(List.of("metadata", "config"));
    }

    @Test
    void listValueWithoutDimensionsIsKeptWhole() {
        Measurement list = measurement(valid(RecordBody.valid().with(at(VCC, "measured_value"), RecordBody.json("[1, {\"a\": null}]"))));

        assertThat(list.getMeasuredValue()).isEqualTo(new JsonValue("[1,{\"a\":null}]"));
    }

    @Test
    void valueNestedTooDeepIsAnIssueNotAStackOverflow() {
        ArrayNode deep = JsonNodeFactory.instance.arrayNode();
        ArrayNode inner = deep;
        for (int i = 0; i < 100_000; i++) {
            inner = inner.addArray();
        }

        List<Issue> issues = issues(RecordBody.valid().with(at(VCC, "measured_value"), deep));

        assertThat(issues).extracting(Issue::path, Issue::message).containsExactly(tuple(
                at(VCC, "measured_value"), "must not be nested deeper than 64 levels"));
    }

    @Test
    void attachmentWithoutDataIsSkippedAndWithoutMimetypeIsOctetStream() {
        OpenHtfConversion withoutData = convert(RecordBody.valid().without(at(NOTE, "data")));
        OpenHtfConversion withoutType = convert(RecordBody.valid().without(at(NOTE, "mimetype")));

        assertThat(withoutData.run().issues()).isEmpty();
        assertThat(withoutData.attachments()).isEmpty();
        assertThat(withoutType.attachments()).singleElement()
                .satisfies(a -> assertThat(a.contentType()).isEqualTo("application/octet-stream"));
    }

    @Test
    void attachmentNameWithAControlCharacterIsAnIssue() {
        RecordBody record = RecordBody.valid();
        ((ObjectNode) record.tree().get("phases").get(1).get("attachments")).set("bad\nname", RecordBody.json("{\"data\": \"aGk=\"}"));

        assertThat(issues(record)).extracting(Issue::path).containsExactly(List.of("phases", 1, "attachments", "bad\nname"));
    }

    @Test
    void logLevelBetweenStandardOnesCountsAsTheLowerAndTextFollowsTheApiRules() {
        Run run = valid(RecordBody.valid().with(at(LOG, "level"), 35).with(at(LOG, "message"), "")
                .with(at(LOG, "source"), "d/".repeat(150) + "station.py"));

        assertThat(run.getLogs().getFirst().getLevel().name()).isEqualTo("WARNING");
        assertThat(run.getLogs().getFirst().getMessage()).isEqualTo("(empty)");
        assertThat(run.getLogs().getFirst().getSourceFile()).hasSize(200).endsWith("station.py");
    }

    @Test
    void phaseCountOverTheLimitIsTheOnlyIssueEvenWithBadPhases() {
        OpenHtfRecordConverter strict = new OpenHtfRecordConverter(new RunLimits(1, 10, 10, 10, 10));
        RecordBody record = RecordBody.valid().with(List.of("phases", 0, "outcome"), "NOPE");

        List<Issue> issues = strict.convert(record.tree(), RECEIVED).run().issues();

        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.path()).containsExactly("phases");
            assertThat(issue.message()).contains("runline.gateway.limits.max-phases");
        });
    }

    @Test
    void measurementsOverTheLimitsAreIssuesAtThePhaseAndTheRecord() {
        RecordBody record = RecordBody.valid().with(at(List.of("phases", 1, "measurements"), "vdd"),
                RecordBody.json("{\"outcome\": \"PASS\", \"measured_value\": 1}"));
        record.with(List.of("phases", 0, "measurements", "t"), RecordBody.json("{\"outcome\": \"PASS\"}"));

        List<Issue> perPhase = new OpenHtfRecordConverter(new RunLimits(10, 1, 10, 10, 10)).convert(record.tree(), RECEIVED).run().issues();
        List<Issue> total = new OpenHtfRecordConverter(new RunLimits(10, 10, 2, 10, 10)).convert(record.tree(), RECEIVED).run().issues();

        assertThat(perPhase).extracting(Issue::path).containsExactly(List.of("phases", 1, "measurements"));
        assertThat(perPhase.getFirst().message()).contains("runline.gateway.limits.max-measurements-per-phase");
        assertThat(total).extracting(Issue::path).containsExactly(List.of("phases"));
        assertThat(total.getFirst().message()).contains("runline.gateway.limits.max-measurements");
    }

    @Test
    void logCountOverTheLimitIsAnIssueAtLogRecords() {
        RecordBody record = RecordBody.valid().with(List.of("log_records", 1), RecordBody.json("{\"level\": 10}"));

        List<Issue> issues = new OpenHtfRecordConverter(new RunLimits(10, 10, 10, 1, 10)).convert(record.tree(), RECEIVED).run().issues();

        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.path()).containsExactly("log_records");
            assertThat(issue.message()).contains("runline.gateway.limits.max-logs");
        });
    }

    private static Measurement measurement(Run run) {
        return run.getPhases().get(1).getMeasurements().getFirst();
    }
}
