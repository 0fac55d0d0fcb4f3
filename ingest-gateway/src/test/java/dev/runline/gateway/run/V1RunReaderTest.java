package dev.runline.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.MeasurementOutcome;
import dev.runline.schemas.event.PhaseOutcome;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class V1RunReaderTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");

    private final V1RunReader reader = new V1RunReader(RunLimits.defaults());

    private ReadResult read(RunBody body) {
        ReadResult result = reader.read(body.tree(), RECEIVED);
        assertThat(result.issues()).isEmpty();
        return result;
    }

    private List<Issue> issues(RunBody body) {
        return reader.read(body.tree(), RECEIVED).issues();
    }

    private Run run(RunBody body) {
        return read(body).run().setProcedureId(UUID.randomUUID()).build();
    }

    @Test
    void procedureNamedByIdentifierIsLeftForTheGatewayToResolve() {
        ReadResult result = read(RunBody.v1("FVT1", "a@b.io"));

        assertThat(result.procedureIdentifier()).isEqualTo("FVT1");
        assertThat(result.run().hasProcedureId()).isFalse();
    }

    @Test
    void procedureNamedByUuidIsUsedDirectly() {
        UUID procedure = UUID.randomUUID();

        ReadResult result = read(RunBody.v1(procedure.toString(), "a@b.io"));

        assertThat(result.procedureIdentifier()).isNull();
        assertThat(result.run().getProcedureId()).isEqualTo(procedure);
    }

    @Test
    void runPassedDurationAndUnitUnderTestAreNormalised() {
        Run run = run(RunBody.v1("FVT1", "a@b.io"));

        assertThat(run.getOutcome()).isEqualTo(RunOutcome.PASS);
        assertThat(run.getStartedAt()).isEqualTo(Instant.parse("2026-11-02T08:15:30.250Z"));
        assertThat(run.getEndedAt()).isEqualTo(Instant.parse("2026-11-02T08:16:35.750Z"));
        assertThat(run.getPartName()).isEqualTo("Main board");
        assertThat(run.getRevisionNumber()).isEqualTo("B");
        assertThat(run.getClient()).isEqualTo("Python");
        assertThat(run.getClientVersion()).isEqualTo("1.11.2");
        assertThat(run(RunBody.v1("FVT1", "a@b.io").with("run_passed", false)).getOutcome()).isEqualTo(RunOutcome.FAIL);
    }

    @Test
    void phaseMillisBecomeInstantsAndLegacyLimitsBecomeValidators() {
        var phase = run(RunBody.v1("FVT1", "a@b.io")).getPhases().getFirst();

        assertThat(phase.getStartedAt()).isEqualTo(Instant.ofEpochMilli(1762071331000L));
        assertThat(phase.getEndedAt()).isEqualTo(Instant.ofEpochMilli(1762071333500L).plusNanos(500_000));
        assertThat(phase.getMeasurements().getFirst().getValidators()).isEqualTo(new JsonValue(
                "[{\"operator\":\">=\",\"expected_value\":3.0},{\"operator\":\"<=\",\"expected_value\":3.6}]"));
    }

    @Test
    void stepBecomesAPhaseWithOneMeasurement() {
        var phases = run(RunBody.v1("FVT1", "a@b.io").with(List.of("steps", 0, "step_passed"), false)).getPhases();

        assertThat(phases).hasSize(2);
        var step = phases.get(1);
        assertThat(step.getName()).isEqualTo("idle_current");
        assertThat(step.getOutcome()).isEqualTo(PhaseOutcome.FAIL);
        assertThat(step.getEndedAt()).isEqualTo(Instant.parse("2026-11-02T08:15:42Z"));
        assertThat(step.getMeasurements()).singleElement().satisfies(m -> {
            assertThat(m.getName()).isEqualTo("idle_current");
            assertThat(m.getMeasuredValue()).isEqualTo(0.42);
            assertThat(m.getUnits()).isEqualTo("A");
            assertThat(m.getOutcome()).isEqualTo(MeasurementOutcome.FAIL);
            assertThat(m.getValidators().getJson()).contains("\">=\"", "0.1", "\"<=\"", "0.5");
        });
    }

    @Test
    void stepWithAStringValueGetsAStringMeasurementAndOneWithoutValueNone() {
        var withText = run(RunBody.v1("FVT1", "a@b.io").with(List.of("steps", 0, "measurement_value"), "OK")).getPhases().get(1);
        var without = run(RunBody.v1("FVT1", "a@b.io").without(List.of("steps", 0, "measurement_value"))).getPhases().get(1);

        assertThat(withText.getMeasurements().getFirst().getMeasuredValue()).isEqualTo("OK");
        assertThat(without.getMeasurements()).isEmpty();
    }

    @Test
    void subUnitObjectsBecomeSerials() {
        Run run = run(RunBody.v1("FVT1", "a@b.io").with("sub_units", RunBody.json("[{\"serial_number\":\"BRD-1\"}]")));

        assertThat(run.getSubUnits()).containsExactly("BRD-1");
    }

    @Test
    void unitKeysAtTopLevelAreAcceptedToo() {
        Run run = run(RunBody.v1("FVT1", "a@b.io").without("unit_under_test")
                .with("serial_number", "SN-TOP").with("part_number", "PCB-7").with("revision_number", "C"));

        assertThat(run.getSerialNumber()).isEqualTo("SN-TOP");
        assertThat(run.getPartNumber()).isEqualTo("PCB-7");
        assertThat(run.getRevisionNumber()).isEqualTo("C");
    }

    @Test
    void durationDefaultsToZeroAndStartToReceipt() {
        Run run = run(RunBody.v1("FVT1", "a@b.io").without("duration").without("started_at"));

        assertThat(run.getStartedAt()).isEqualTo(RECEIVED);
        assertThat(run.getEndedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void unitKeysAreReportedWhereTheSerialWasSent() {
        ReadResult inUnit = read(RunBody.v1("FVT1", "a@b.io"));
        ReadResult atTop = read(RunBody.v1("FVT1", "a@b.io").without("unit_under_test").with("serial_number", "SN-TOP"));

        assertThat(inUnit.unitPaths()).isEqualTo(UnitPaths.UNIT_UNDER_TEST);
        assertThat(atTop.unitPaths()).isEqualTo(UnitPaths.TOP_LEVEL);
    }

    @Test
    void emptyProcedureVersionIsRefused() {
        assertThat(issues(RunBody.v1("FVT1", "a@b.io").with("procedure_version", "")))
                .extracting(Issue::path).containsExactly(List.of("procedure_version"));
    }

    @Test
    void numbersBeyondADoublesRangeAreRefusedAtTheirPath() {
        List<Issue> issues = issues(RunBody.v1("FVT1", "a@b.io")
                .with(List.of("steps", 0, "measurement_value"), RunBody.json("1e400"))
                .with(List.of("steps", 0, "limit_high"), RunBody.json("1e400"))
                .with(List.of("phases", 0, "start_time_millis"), RunBody.json("1e400")));

        assertThat(issues).extracting(Issue::message).containsOnly("must be a finite number");
        assertThat(issues).extracting(Issue::path).containsExactlyInAnyOrder(
                List.of("steps", 0, "measurement_value"), List.of("steps", 0, "limit_high"),
                List.of("phases", 0, "start_time_millis"));
    }

    @Test
    void stepsCountAsPhasesAndTheLimitIsAnsweredBeforeStepsAreRead() {
        V1RunReader strict = new V1RunReader(new RunLimits(3, 10, 10, 10, 10));

        List<Issue> issues = strict.read(RunBody.v1("FVT1", "a@b.io")
                .with("steps", RunBody.copies(RunBody.json("\"not a step\""), 3)).tree(), RECEIVED).issues();

        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.path()).containsExactly("phases");
            assertThat(issue.message()).contains("has 4 phases", "runline.gateway.limits.max-phases");
        });
    }

    @Test
    void thousandsOfMeasurementsPassAtTheDefaultLimits() {
        RunBody body = RunBody.v1("FVT1", "a@b.io");
        body.with(List.of("phases", 0, "measurements"),
                RunBody.copies(body.tree().at("/phases/0/measurements/0"), 1000));
        body.with("phases", RunBody.copies(body.tree().at("/phases/0"), 5));

        Run run = run(body);

        assertThat(run.getPhases()).hasSize(6); // and the step
        assertThat(run.getPhases().subList(0, 5)).allSatisfy(phase -> assertThat(phase.getMeasurements()).hasSize(1000));
    }
}
