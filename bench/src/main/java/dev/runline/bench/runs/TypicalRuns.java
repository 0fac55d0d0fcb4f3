package dev.runline.bench.runs;

import dev.runline.bench.BenchDatabase;
import dev.runline.schemas.TrustedAvroPackages;
import dev.runline.schemas.event.ApiVersion;
import dev.runline.schemas.event.JsonValue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The typical run of an end-of-line test: 5 phases of 10 numeric measurements with limits, 20 logs and a
 * few metadata keys (about 8 KB as JSON), on a line of {@code units} serials sharing one part and batch.
 */
public final class TypicalRuns {

    public static final int PHASES = 5;
    public static final int MEASUREMENTS_PER_PHASE = 10;
    public static final int LOGS = 20;
    /** Rows one typical run becomes: the run, its phases, measurements and logs. */
    public static final int ROWS_PER_RUN = 1 + PHASES + PHASES * MEASUREMENTS_PER_PHASE + LOGS;

    static {
        // Building a Run reads the Avro defaults of its nested records, which Avro refuses for untrusted packages.
        TrustedAvroPackages.register();
    }

    /** When the first generated run started; each next one a second later. */
    public static final java.time.Instant FIRST_STARTED_AT = java.time.Instant.parse("2026-11-23T06:00:00Z");

    private final UUID organizationId;
    private final UUID procedureId;
    private final UUID keyId;
    private final Random random = new Random(42);

    public TypicalRuns(BenchDatabase.Tenant tenant) {
        this.organizationId = tenant.organizationId();
        this.procedureId = tenant.procedureId();
        this.keyId = tenant.keyId();
    }

    public List<RunAccepted> generate(int count, int units) {
        List<RunAccepted> runs = new ArrayList<>(count);
        Instant start = FIRST_STARTED_AT;
        for (int i = 0; i < count; i++) {
            runs.add(run("SN-" + (100_000 + i % units), start.plusSeconds(i)));
        }
        return runs;
    }

    private RunAccepted run(String serial, Instant started) {
        List<Phase> phases = new ArrayList<>(PHASES);
        for (int p = 0; p < PHASES; p++) {
            List<Measurement> measurements = new ArrayList<>(MEASUREMENTS_PER_PHASE);
            for (int m = 0; m < MEASUREMENTS_PER_PHASE; m++) {
                double low = 1.0 + m;
                double high = low + 2.0;
                measurements.add(Measurement.newBuilder()
                        .setName("phase" + p + "_m" + m)
                        .setOutcome(MeasurementOutcome.PASS)
                        .setMeasuredValue(low + random.nextDouble() * 2.0)
                        .setUnits("V")
                        .setValidators(new JsonValue("[{\"operator\":\">=\",\"expected_value\":" + low
                                + "},{\"operator\":\"<=\",\"expected_value\":" + high + "}]"))
                        .build());
            }
            phases.add(Phase.newBuilder()
                    .setName("phase_" + p)
                    .setOutcome(PhaseOutcome.PASS)
                    .setStartedAt(started.plusSeconds(p * 10L))
                    .setEndedAt(started.plusSeconds(p * 10L + 9))
                    .setMeasurements(measurements)
                    .build());
        }
        List<Log> logs = new ArrayList<>(LOGS);
        for (int l = 0; l < LOGS; l++) {
            logs.add(Log.newBuilder()
                    .setLevel(l % 7 == 0 ? LogLevel.WARNING : LogLevel.INFO)
                    .setTimestamp(started.plusSeconds(l * 2L))
                    .setMessage("step " + l + " finished: fixture clamped, rails nominal, readings within limits")
                    .setSourceFile("tests/end_of_line.py")
                    .setLineNumber(100 + l)
                    .build());
        }
        return RunAccepted.newBuilder()
                .setRunId(UUID.randomUUID())
                .setOrganizationId(organizationId)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.USER).setKeyId(keyId).build())
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setApiVersion(ApiVersion.V2)
                .setRun(Run.newBuilder()
                        .setOutcome(RunOutcome.PASS)
                        .setProcedureId(procedureId)
                        .setProcedureVersion("3.2.0")
                        .setStartedAt(started)
                        .setEndedAt(started.plusSeconds(60))
                        .setSerialNumber(serial)
                        .setPartNumber("PCB-100")
                        .setRevisionNumber("B")
                        .setBatchNumber("LOT-47")
                        .setPhases(phases)
                        .setLogs(logs)
                        .setMetadata(Map.of("station", "EOL-3", "fixture", "F-7", "slot", 3L, "golden", false))
                        .build())
                .build();
    }
}
