package dev.runline.gateway.openhtf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.run.ReadResult;
import dev.runline.gateway.run.RunLimits;
import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.LogLevel;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.MeasurementOutcome;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.PhaseOutcome;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three records real OpenHTF wrote ({@code src/test/resources/openhtf/}, see its README), converted and
 * checked field by field against what the record says (values read from the JSON, not from the converter).
 */
class OpenHtfFixtureTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
    private static final UUID RESOLVED = UUID.fromString("7a1f9a52-34b5-4c8e-9d1e-2f0c8b6a4d10");

    private final OpenHtfRecordConverter converter = new OpenHtfRecordConverter(RunLimits.defaults());

    static JsonNode fixture(String name) {
        try (InputStream in = OpenHtfFixtureTest.class.getResourceAsStream("/openhtf/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Converted(ReadResult result, Run run, List<InlinedAttachment> attachments) {}

    /** The procedure is named by identifier in every fixture: the import fills in the id it resolves to. */
    private Converted convert(String name) {
        OpenHtfConversion conversion = converter.convert(fixture(name), RECEIVED);
        assertThat(conversion.run().issues()).isEmpty();
        Run run = conversion.run().run().setProcedureId(RESOLVED).build();
        return new Converted(conversion.run(), run, conversion.attachments());
    }

    private static Instant millis(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    private static JsonNode json(JsonValue value) {
        return JSON.readTree(value.getJson());
    }

    private static Measurement measurement(Phase phase, String name) {
        return phase.getMeasurements().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private static void assertValidator(JsonNode validator, String operator, Object expected, String outcome) {
        assertThat(validator.get("operator").stringValue()).isEqualTo(operator);
        JsonNode value = validator.get("expected_value");
        switch (expected) {
            case Double number -> assertThat(value.doubleValue()).isEqualTo(number);
            case Boolean bool -> assertThat(value.booleanValue()).isEqualTo(bool);
            default -> assertThat(value.stringValue()).isEqualTo(expected);
        }
        assertThat(validator.get("outcome").stringValue()).isEqualTo(outcome);
        assertThat(validator.get("is_decisive").booleanValue()).isTrue();
    }

    @Test
    void eolPassRecordBecomesAPassingRunWithItsRangesUnitsAndLogs() {
        Converted converted = convert("eol-pass.json");
        Run run = converted.run();

        assertThat(converted.result().procedureIdentifier()).isEqualTo("FVT1");
        assertThat(converted.result().unitPaths().serialNumber()).containsExactly("dut_id");
        assertThat(converted.result().unitPaths().partNumber()).containsExactly("metadata", "part_number");
        assertThat(run.getSerialNumber()).isEqualTo("PCB100-0001");
        assertThat(run.getPartNumber()).isEqualTo("PCB-100");
        assertThat(run.getRevisionNumber()).isNull();
        assertThat(run.getBatchNumber()).isNull();
        assertThat(run.getProcedureVersion()).isNull();
        assertThat(run.getOutcome()).isEqualTo(RunOutcome.PASS);
        assertThat(run.getStartedAt()).isEqualTo(millis(1796309272752L));
        assertThat(run.getEndedAt()).isEqualTo(millis(1796309272754L));
        assertThat(run.getDocstring()).isNull();
        assertThat(run.getMetadata()).containsExactlyInAnyOrderEntriesOf(Map.of("test_name", "eol_pass", "station_id", "vm"));
        assertThat(run.getClient()).isNull();
        assertThat(run.getClientVersion()).isNull();
        assertThat(converted.attachments()).isEmpty();

        assertThat(run.getPhases()).extracting(Phase::getName).containsExactly("trigger_phase", "power_on", "idle");
        assertThat(run.getPhases()).extracting(Phase::getOutcome).containsOnly(PhaseOutcome.PASS);
        assertThat(run.getPhases()).extracting(Phase::getRetryCount).containsOnly(0);
        assertThat(run.getPhases()).extracting(Phase::getDocstring).containsOnlyNulls();
        assertThat(run.getPhases()).extracting(Phase::getStartedAt)
                .containsExactly(millis(1796309272751L), millis(1796309272752L), millis(1796309272753L));
        assertThat(run.getPhases()).extracting(Phase::getEndedAt)
                .containsExactly(millis(1796309272752L), millis(1796309272753L), millis(1796309272754L));
        assertThat(run.getPhases().getFirst().getMeasurements()).isEmpty();

        Phase powerOn = run.getPhases().get(1);
        assertThat(powerOn.getMeasurements()).extracting(Measurement::getName).containsExactly("vbus", "fw_version", "led_on");
        Measurement vbus = measurement(powerOn, "vbus");
        assertThat(vbus.getOutcome()).isEqualTo(MeasurementOutcome.PASS);
        assertThat(vbus.getMeasuredValue()).isEqualTo(5.02);
        assertThat(vbus.getUnits()).isEqualTo("V");
        assertThat(vbus.getDocstring()).isEqualTo("USB bus voltage");
        JsonNode vbusValidators = json(vbus.getValidators());
        assertThat(vbusValidators).hasSize(2);
        assertValidator(vbusValidators.get(0), ">=", 4.75, "PASS");
        assertValidator(vbusValidators.get(1), "<=", 5.25, "PASS");

        Measurement firmware = measurement(powerOn, "fw_version");
        assertThat(firmware.getOutcome()).isEqualTo(MeasurementOutcome.PASS);
        assertThat(firmware.getMeasuredValue()).isEqualTo("1.0.7");
        assertThat(firmware.getUnits()).isNull();
        assertThat(json(firmware.getValidators())).singleElement()
                .satisfies(v -> assertValidator(v, "matches", "^1\\.0\\.7$", "PASS"));

        Measurement led = measurement(powerOn, "led_on");
        assertThat(led.getMeasuredValue()).isEqualTo(true);
        assertThat(led.getUnits()).isNull();
        assertThat(json(led.getValidators())).singleElement().satisfies(v -> assertValidator(v, "==", true, "PASS"));

        Measurement idle = measurement(run.getPhases().get(2), "idle_current");
        assertThat(idle.getOutcome()).isEqualTo(MeasurementOutcome.PASS);
        assertThat(idle.getMeasuredValue()).isEqualTo(0.21);
        assertThat(idle.getUnits()).isEqualTo("A");
        assertThat(idle.getDocstring()).isNull();
        assertThat(json(idle.getValidators())).singleElement().satisfies(v -> assertValidator(v, "<=", 0.35, "PASS"));

        assertThat(run.getLogs()).hasSize(19);
        assertThat(run.getLogs()).extracting(l -> l.getLevel()).filteredOn(level -> level != LogLevel.DEBUG)
                .containsExactly(LogLevel.INFO);
        assertThat(run.getLogs().getFirst()).satisfies(log -> {
            assertThat(log.getLevel()).isEqualTo(LogLevel.DEBUG);
            assertThat(log.getSourceFile()).isEqualTo("phase_executor.py");
            assertThat(log.getLineNumber()).isEqualTo(332);
            assertThat(log.getTimestamp()).isEqualTo(millis(1796309272751L));
            assertThat(log.getMessage()).isEqualTo("Executing phase trigger_phase (from trigger_phase at test_descriptor.py:318)");
        });
        assertThat(run.getLogs().get(11)).satisfies(log -> {
            assertThat(log.getLevel()).isEqualTo(LogLevel.INFO);
            assertThat(log.getSourceFile()).isEqualTo("gen_fixtures.py");
            assertThat(log.getLineNumber()).isEqualTo(22);
            assertThat(log.getTimestamp()).isEqualTo(millis(1796309272754L));
            assertThat(log.getMessage()).isEqualTo("idle current nominal");
        });
        assertThat(run.getLogs().getLast()).satisfies(log -> {
            assertThat(log.getSourceFile()).isEqualTo("test_descriptor.py");
            assertThat(log.getLineNumber()).isEqualTo(359);
            assertThat(log.getMessage()).isEqualTo("Test completed for eol_pass, outputting now.");
        });
    }

    @Test
    void functionalFailRecordKeepsTheFailedLimitTheSweepRowsTheRegexAndTheCsv() {
        Converted converted = convert("functional-fail.json");
        Run run = converted.run();

        assertThat(converted.result().procedureIdentifier()).isEqualTo("FVT2");
        assertThat(run.getSerialNumber()).isEqualTo("PCB200-0002");
        assertThat(run.getPartNumber()).isEqualTo("PCB-200");
        assertThat(run.getOutcome()).isEqualTo(RunOutcome.FAIL);
        assertThat(run.getStartedAt()).isEqualTo(millis(1796309272758L));
        assertThat(run.getEndedAt()).isEqualTo(millis(1796309272763L));
        assertThat(run.getDocstring()).isNull();
        assertThat(run.getMetadata()).containsExactlyInAnyOrderEntriesOf(Map.of("test_name", "functional_fail", "station_id", "vm"));

        assertThat(run.getPhases()).extracting(Phase::getName).containsExactly("trigger_phase", "load", "sweep", "comms");
        assertThat(run.getPhases()).extracting(Phase::getOutcome)
                .containsExactly(PhaseOutcome.PASS, PhaseOutcome.FAIL, PhaseOutcome.PASS, PhaseOutcome.FAIL);
        assertThat(run.getPhases()).extracting(Phase::getRetryCount).containsOnly(0);
        assertThat(run.getPhases().get(1).getStartedAt()).isEqualTo(millis(1796309272758L));
        assertThat(run.getPhases().get(1).getEndedAt()).isEqualTo(millis(1796309272758L));

        Measurement load = measurement(run.getPhases().get(1), "load_current");
        assertThat(load.getOutcome()).isEqualTo(MeasurementOutcome.FAIL);
        assertThat(load.getMeasuredValue()).isEqualTo(2.41);
        assertThat(load.getUnits()).isEqualTo("A");
        assertThat(json(load.getValidators())).singleElement().satisfies(v -> assertValidator(v, "<=", 2.0, "FAIL"));

        Phase sweep = run.getPhases().get(2);
        assertThat(sweep.getStartedAt()).isEqualTo(millis(1796309272759L));
        assertThat(sweep.getEndedAt()).isEqualTo(millis(1796309272762L));
        Measurement vout = measurement(sweep, "vout_sweep");
        assertThat(vout.getOutcome()).isEqualTo(MeasurementOutcome.PASS);
        assertThat(vout.getUnits()).isEqualTo(List.of("s", "Hz", "V"));
        assertThat(vout.getValidators()).isNull();
        JsonNode rows = json((JsonValue) vout.getMeasuredValue());
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0).get(0).intValue()).isZero();
        assertThat(rows.get(0).get(1).intValue()).isEqualTo(50);
        assertThat(rows.get(0).get(2).doubleValue()).isEqualTo(3.3499999999999996);
        assertThat(rows.get(1).get(1).intValue()).isEqualTo(60);
        assertThat(rows.get(1).get(2).doubleValue()).isEqualTo(3.36);
        assertThat(rows.get(7).get(0).intValue()).isEqualTo(3);
        assertThat(rows.get(7).get(1).intValue()).isEqualTo(60);
        assertThat(rows.get(7).get(2).doubleValue()).isEqualTo(3.33);

        Measurement echo = measurement(run.getPhases().get(3), "serial_echo");
        assertThat(echo.getOutcome()).isEqualTo(MeasurementOutcome.FAIL);
        assertThat(echo.getMeasuredValue()).isEqualTo("PCB-0002");
        assertThat(json(echo.getValidators())).singleElement()
                .satisfies(v -> assertValidator(v, "matches", "^PCB[0-9]+$", "FAIL"));

        assertThat(converted.attachments()).singleElement().satisfies(csv -> {
            assertThat(csv.name()).isEqualTo("scope.csv");
            assertThat(csv.contentType()).isEqualTo("text/csv");
            assertThat(csv.data()).hasSize(18);
            assertThat(new String(csv.data(), StandardCharsets.UTF_8)).isEqualTo("t,v\n0,3.30\n1,3.29\n");
        });

        assertThat(run.getLogs()).hasSize(24);
        assertThat(run.getLogs()).extracting(l -> l.getLevel()).filteredOn(level -> level != LogLevel.DEBUG)
                .containsExactly(LogLevel.WARNING);
        assertThat(run.getLogs().get(6)).satisfies(log -> {
            assertThat(log.getLevel()).isEqualTo(LogLevel.WARNING);
            assertThat(log.getSourceFile()).isEqualTo("gen_fixtures.py");
            assertThat(log.getLineNumber()).isEqualTo(32);
            assertThat(log.getTimestamp()).isEqualTo(millis(1796309272758L));
            assertThat(log.getMessage()).isEqualTo("load current above limit");
        });
    }

    @Test
    void burninErrorRecordKeepsTheSkippedPhaseTheExceptionAndTheUnsetMeasurement() {
        Converted converted = convert("burnin-error.json");
        Run run = converted.run();

        assertThat(converted.result().procedureIdentifier()).isEqualTo("BURN1");
        assertThat(run.getSerialNumber()).isEqualTo("PCB300-0003");
        assertThat(run.getPartNumber()).isEqualTo("PCB-300");
        assertThat(run.getOutcome()).isEqualTo(RunOutcome.ERROR);
        assertThat(run.getStartedAt()).isEqualTo(millis(1796309272767L));
        assertThat(run.getEndedAt()).isEqualTo(millis(1796309272770L));
        assertThat(run.getDocstring()).isEqualTo("RuntimeError: chamber door opened");
        assertThat(run.getMetadata()).containsExactlyInAnyOrderEntriesOf(Map.of("test_name", "burnin_error", "station_id", "vm"));
        assertThat(converted.attachments()).isEmpty();

        assertThat(run.getPhases()).extracting(Phase::getName).containsExactly("trigger_phase", "heat", "skipped", "burn");
        assertThat(run.getPhases()).extracting(Phase::getOutcome)
                .containsExactly(PhaseOutcome.PASS, PhaseOutcome.PASS, PhaseOutcome.SKIP, PhaseOutcome.ERROR);
        assertThat(run.getPhases()).extracting(Phase::getRetryCount).containsOnly(0);
        assertThat(run.getPhases().get(2).getMeasurements()).isEmpty();
        assertThat(run.getPhases().get(2).getDocstring()).isNull();

        Measurement temperature = measurement(run.getPhases().get(1), "temp_c");
        assertThat(temperature.getMeasuredValue()).isEqualTo(61.5);
        assertThat(temperature.getUnits()).isEqualTo("°C");
        JsonNode range = json(temperature.getValidators());
        assertThat(range).hasSize(2);
        assertValidator(range.get(0), ">=", 20.0, "PASS");
        assertValidator(range.get(1), "<=", 85.0, "PASS");

        Phase burn = run.getPhases().get(3);
        assertThat(burn.getStartedAt()).isEqualTo(millis(1796309272768L));
        assertThat(burn.getEndedAt()).isEqualTo(millis(1796309272769L));
        assertThat(burn.getDocstring()).startsWith("RuntimeError: chamber door opened\n\nTraceback (most recent call last):")
                .contains("line 59, in burn").endsWith("RuntimeError: chamber door opened");
        Measurement hours = measurement(burn, "burn_hours");
        assertThat(hours.getOutcome()).isEqualTo(MeasurementOutcome.UNSET);
        assertThat(hours.getMeasuredValue()).isNull();
        assertThat(hours.getUnits()).isEqualTo("h");
        assertThat(hours.getValidators()).isNull();

        assertThat(run.getLogs()).hasSize(25);
        assertThat(run.getLogs()).extracting(l -> l.getLevel()).filteredOn(level -> level != LogLevel.DEBUG)
                .containsExactly(LogLevel.CRITICAL, LogLevel.CRITICAL, LogLevel.CRITICAL);
        assertThat(run.getLogs().get(16)).satisfies(log -> {
            assertThat(log.getSourceFile()).isEqualTo("phase_executor.py");
            assertThat(log.getLineNumber()).isEqualTo(192);
            assertThat(log.getTimestamp()).isEqualTo(millis(1796309272769L));
            assertThat(log.getMessage()).isEqualTo("Phase burn raised an exception");
        });
        assertThat(run.getLogs().get(22)).satisfies(log -> {
            assertThat(log.getSourceFile()).isEqualTo("test_state.py");
            assertThat(log.getLineNumber()).isEqualTo(389);
            assertThat(log.getTimestamp()).isEqualTo(millis(1796309272770L));
            assertThat(log.getMessage()).startsWith("Traceback:\nTraceback (most recent call last):");
        });
    }

    @Test
    void recordWithoutInlinedAttachmentsAsTheTofuPilotIntegrationWritesItHasNone() {
        JsonNode record = fixture("functional-fail.json");
        ((ObjectNode) record.get("phases").get(2).get("attachments").get("scope.csv")).remove("data");

        OpenHtfConversion conversion = converter.convert(record, RECEIVED);

        assertThat(conversion.run().issues()).isEmpty();
        assertThat(conversion.attachments()).isEmpty();
    }
}
