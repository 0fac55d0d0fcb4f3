package dev.runline.bench;

import dev.runline.schemas.event.RunAccepted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runline's benchmarks, each printed beside the machine's raw limit measured in the same run.
 *
 * <p>Scenario {@code processor}: runs/s and rows/s of the processor draining a pre-filled topic of typical
 * runs (1 and 2 consumers), beside a raw COPY of exactly the same rows into the same tables.
 *
 * <p>Options: {@code --runs=N} (default 20000), {@code --units=N} (default 2000), {@code --partitions=N}
 * (default 12), {@code --repeat=N} (default 3; medians are reported), {@code --out=DIR} (default bench-results).
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "20000"));
        int units = Integer.parseInt(options.getOrDefault("units", "2000"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "12"));
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "3"));
        Path out = Path.of(options.getOrDefault("out", "bench-results"));

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of("message.max.bytes", String.valueOf(16 * 1024 * 1024)));
        broker.afterPropertiesSet();
        try (BenchDatabase database = new BenchDatabase()) {
            List<Row> rows = new ArrayList<>();
            for (int round = 1; round <= repeat; round++) {
                String copyUrl = database.newDatabase();
                List<RunAccepted> copyRuns = new TypicalRuns(BenchDatabase.seed(copyUrl)).generate(runs, units);
                rows.add(new Row("raw COPY", round, runs, CopyBaseline.copy(copyUrl, copyRuns)));
                for (int consumers : new int[] {1, 2}) {
                    String url = database.newDatabase();
                    List<RunAccepted> events = new TypicalRuns(BenchDatabase.seed(url)).generate(runs, units);
                    String topic = "bench-runs-" + round + "-" + consumers;
                    broker.addTopics(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1));
                    ProcessorDrain.fill(broker.getBrokersAsString(), topic, events);
                    ProcessorDrain.Result result = ProcessorDrain.drain(broker.getBrokersAsString(), topic, url, consumers, runs);
                    rows.add(new Row("processor, " + consumers + " consumer" + (consumers > 1 ? "s" : ""), round,
                            result.runs(), result.nanos()));
                }
                System.out.printf("round %d of %d done%n", round, repeat);
            }
            report(rows, runs, out);
        } finally {
            broker.destroy();
        }
    }

    record Row(String scenario, int round, int runs, long nanos) {
        double runsPerSecond() {
            return runs / (nanos / 1e9);
        }
    }

    private static void report(List<Row> rows, int runs, Path out) throws IOException {
        Map<String, List<Row>> byScenario = new LinkedHashMap<>();
        rows.forEach(row -> byScenario.computeIfAbsent(row.scenario(), k -> new ArrayList<>()).add(row));
        double copyMedian = median(byScenario.get("raw COPY"));
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nProcessor drain: %d typical runs (%d rows each: run, %d phases, %d measurements, %d logs)%n",
                runs, TypicalRuns.ROWS_PER_RUN, TypicalRuns.PHASES, TypicalRuns.PHASES * TypicalRuns.MEASUREMENTS_PER_PHASE,
                TypicalRuns.LOGS));
        table.append(String.format(Locale.ROOT, "%-24s %12s %12s %14s %s%n", "scenario", "runs/s", "rows/s", "÷ raw COPY", "rounds (runs/s)"));
        StringBuilder json = new StringBuilder("{\"scenario\":\"processor\",\"runs\":" + runs + ",\"rows_per_run\":"
                + TypicalRuns.ROWS_PER_RUN + ",\"at\":\"" + Instant.now() + "\",\"results\":[");
        boolean firstJson = true;
        for (var entry : byScenario.entrySet()) {
            double median = median(entry.getValue());
            List<String> each = entry.getValue().stream().map(r -> String.format(Locale.ROOT, "%.0f", r.runsPerSecond())).toList();
            table.append(String.format(Locale.ROOT, "%-24s %12.0f %12.0f %13.0f%% %s%n", entry.getKey(), median,
                    median * TypicalRuns.ROWS_PER_RUN, 100 * median / copyMedian, each));
            json.append(firstJson ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"name\":\"%s\",\"runs_per_s\":%.1f,\"rows_per_s\":%.1f,\"ratio_to_copy\":%.3f,\"rounds\":%s}",
                    entry.getKey(), median, median * TypicalRuns.ROWS_PER_RUN, median / copyMedian, each));
            firstJson = false;
        }
        json.append("]}\n");
        System.out.print(table);
        Files.createDirectories(out);
        Path file = out.resolve("processor-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, json);
        System.out.println("Result file: " + file.toAbsolutePath());
    }

    private static double median(List<Row> rows) {
        double[] rates = rows.stream().mapToDouble(Row::runsPerSecond).sorted().toArray();
        return rates.length % 2 == 1 ? rates[rates.length / 2] : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --runs=20000; got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
