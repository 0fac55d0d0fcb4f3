package dev.runline.bench.runs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * v2 JSON bodies of {@code POST /api/v2/runs}, as a station sends them: the same run as {@link TypicalRuns}
 * (numeric measurements with lower and upper limits, logs, a few metadata keys). Bodies are generated once,
 * before the load starts, so that building them never slows the load generator.
 *
 * @param name        {@code typical} or {@code large}
 * @param bodies      one body per serial number, sent in turn
 */
public record RunBodies(String name, int phases, int measurementsPerPhase, int logs, List<byte[]> bodies) {

    public static final String PATH = "/api/v2/runs";

    /** 5 phases × 10 measurements, 20 logs: about 8 KB. */
    public static RunBodies typical(UUID procedureId, int units) {
        return generate("typical", procedureId, units, TypicalRuns.PHASES, TypicalRuns.MEASUREMENTS_PER_PHASE,
                TypicalRuns.LOGS);
    }

    /** 50 phases × 100 measurements, 20 logs: about 0.5 MB; 20 of them, to keep the generator's memory small. */
    public static RunBodies large(UUID procedureId) {
        return generate("large", procedureId, 20, 50, 100, TypicalRuns.LOGS);
    }

    public byte[] body(long sequence) {
        return bodies.get((int) (sequence % bodies.size()));
    }

    public double averageBytes() {
        return bodies.stream().mapToInt(b -> b.length).average().orElse(0);
    }

    private static RunBodies generate(String name, UUID procedureId, int units, int phases, int measurements, int logs) {
        Random random = new Random(7);
        Instant start = Instant.parse("2026-11-23T06:00:00Z");
        List<byte[]> bodies = new ArrayList<>(units);
        for (int unit = 0; unit < units; unit++) {
            bodies.add(body(procedureId, "SN-" + (100_000 + unit), start.plusSeconds(unit * 60L), phases, measurements,
                    logs, random).getBytes(StandardCharsets.UTF_8));
        }
        return new RunBodies(name, phases, measurements, logs, List.copyOf(bodies));
    }

    private static String body(UUID procedureId, String serial, Instant started, int phases, int measurements, int logs,
            Random random) {
        StringBuilder json = new StringBuilder(phases * measurements * 120 + 8192);
        json.append("{\"procedure_id\":\"").append(procedureId).append("\",\"procedure_version\":\"3.2.0\"")
                .append(",\"serial_number\":\"").append(serial).append("\",\"part_number\":\"PCB-100\"")
                .append(",\"revision_number\":\"B\",\"batch_number\":\"LOT-47\",\"outcome\":\"PASS\"")
                .append(",\"started_at\":\"").append(started).append("\",\"ended_at\":\"").append(started.plusSeconds(60))
                .append("\",\"metadata\":{\"station\":\"EOL-3\",\"fixture\":\"F-7\",\"slot\":3,\"golden\":false}")
                .append(",\"phases\":[");
        for (int p = 0; p < phases; p++) {
            json.append(p > 0 ? "," : "").append("{\"name\":\"phase_").append(p).append("\",\"outcome\":\"PASS\"")
                    .append(",\"started_at\":\"").append(started.plusSeconds(p * 10L))
                    .append("\",\"ended_at\":\"").append(started.plusSeconds(p * 10L + 9)).append("\",\"measurements\":[");
            for (int m = 0; m < measurements; m++) {
                double low = 1.0 + m % 10;
                json.append(m > 0 ? "," : "").append("{\"name\":\"phase").append(p).append("_m").append(m)
                        .append("\",\"outcome\":\"PASS\",\"measured_value\":")
                        .append(String.format(Locale.ROOT, "%.4f", low + random.nextDouble() * 2.0))
                        .append(",\"units\":\"V\",\"lower_limit\":").append(low).append(",\"upper_limit\":").append(low + 2.0)
                        .append('}');
            }
            json.append("]}");
        }
        json.append("],\"logs\":[");
        for (int l = 0; l < logs; l++) {
            json.append(l > 0 ? "," : "").append("{\"level\":\"").append(l % 7 == 0 ? "WARNING" : "INFO")
                    .append("\",\"timestamp\":\"").append(started.plusSeconds(l * 2L))
                    .append("\",\"message\":\"step ").append(l)
                    .append(" finished: fixture clamped, rails nominal, readings within limits\"")
                    .append(",\"source_file\":\"tests/end_of_line.py\",\"line_number\":").append(100 + l).append('}');
        }
        return json.append("]}").toString();
    }
}
