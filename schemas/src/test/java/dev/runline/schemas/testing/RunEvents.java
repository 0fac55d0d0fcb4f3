package dev.runline.schemas.testing;

import dev.runline.schemas.event.ApiVersion;
import dev.runline.schemas.event.Log;
import dev.runline.schemas.event.LogLevel;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.MeasurementOutcome;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.PhaseOutcome;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.event.RunOutcome;
import dev.runline.schemas.event.Submitter;
import dev.runline.schemas.event.SubmitterKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders of valid run events; a test overrides only the fields it is about. */
public final class RunEvents {

    private static final Instant STARTED = Instant.parse("2026-11-02T08:15:30.123456Z");

    private RunEvents() {}

    public static RunAccepted.Builder aRunAccepted() {
        return RunAccepted.newBuilder()
                .setRunId(UUID.randomUUID())
                .setOrganizationId(UUID.randomUUID())
                .setSubmittedBy(Submitter.newBuilder()
                        .setKind(SubmitterKind.USER)
                        .setKeyId(UUID.randomUUID())
                        .setUserId(UUID.randomUUID())
                        .build())
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setApiVersion(ApiVersion.V2)
                .setRun(aRun().build());
    }

    public static Run.Builder aRun() {
        return Run.newBuilder()
                .setOutcome(RunOutcome.PASS)
                .setProcedureId(UUID.randomUUID())
                .setStartedAt(STARTED)
                .setEndedAt(STARTED.plusSeconds(42))
                .setSerialNumber("SN-" + UUID.randomUUID().toString().substring(0, 8))
                .setPartNumber("PCB-100")
                .setPhases(List.of(aPhase().build()))
                .setLogs(List.of(aLog().build()))
                .setMetadata(Map.of());
    }

    public static Phase.Builder aPhase() {
        return Phase.newBuilder()
                .setName("power_on")
                .setOutcome(PhaseOutcome.PASS)
                .setStartedAt(STARTED)
                .setEndedAt(STARTED.plusSeconds(2))
                .setMeasurements(List.of(aMeasurement().build()));
    }

    public static Measurement.Builder aMeasurement() {
        return Measurement.newBuilder()
                .setName("vcc")
                .setOutcome(MeasurementOutcome.PASS)
                .setMeasuredValue(3.3)
                .setUnits("V");
    }

    public static Log.Builder aLog() {
        return Log.newBuilder()
                .setLevel(LogLevel.INFO)
                .setTimestamp(STARTED.plusMillis(10))
                .setMessage("fixture clamped")
                .setSourceFile("test_main.py")
                .setLineNumber(12);
    }
}
