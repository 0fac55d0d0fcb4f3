package dev.runline.bench.processor;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.BenchOptions;
import dev.runline.bench.BenchTopics;
import dev.runline.bench.Progress;
import dev.runline.bench.child.ProcessUsage;
import dev.runline.bench.child.Services;
import dev.runline.bench.runs.TypicalRuns;
import dev.runline.schemas.event.RunAccepted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processor draining a pre-filled topic of typical runs with 1 and 2 consumers, beside its limit
 * measured in the same run: a raw COPY of exactly the same rows into the same tables (limit b). Each
 * contender gets a fresh database; with {@code --repeat} above 1 the median round is reported.
 */
public final class ProcessorScenario {

    public static final String COPY = "raw COPY";

    /** One contender's rounds; {@code processor} is the process's usage in its last round (none for COPY). */
    public record Contender(String name, List<Double> roundsRunsPerSecond, double runsPerSecond, double rowsPerSecond,
            double ratioToCopy, ProcessUsage processor) {}

    public record Result(int runs, int rowsPerRun, List<Contender> contenders) {

        public Contender contender(String name) {
            return contenders.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    private ProcessorScenario() {}

    public static String consumersName(int consumers) {
        return "processor, " + consumers + " consumer" + (consumers > 1 ? "s" : "");
    }

    public static Result run(BenchOptions options, BenchDatabase database, String bootstrapServers, Services services,
            Progress progress) throws Exception {
        Map<String, List<Double>> rounds = new LinkedHashMap<>();
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        int runs = options.runs();
        for (int round = 1; round <= options.repeat(); round++) {
            progress.say("processor: round %d of %d, raw COPY of %d typical runs", round, options.repeat(), runs);
            String copyUrl = database.newDatabase();
            List<RunAccepted> copyRuns = new TypicalRuns(BenchDatabase.seed(copyUrl)).generate(runs, options.units());
            rounds.computeIfAbsent(COPY, k -> new ArrayList<>()).add(runs / (CopyBaseline.copy(copyUrl, copyRuns) / 1e9));
            for (int consumers : new int[] {1, 2}) {
                String name = consumersName(consumers);
                progress.say("processor: round %d of %d, %s draining %d typical runs", round, options.repeat(), name, runs);
                String url = database.newDatabase();
                List<RunAccepted> events = new TypicalRuns(BenchDatabase.seed(url)).generate(runs, options.units());
                String topic = "bench-processor-" + round + "-" + consumers;
                BenchTopics.create(bootstrapServers, topic, options.partitions());
                ProcessorDrain.fill(bootstrapServers, topic, events);
                ProcessorDrain.Result result = ProcessorDrain.drain(services, "processor-" + consumers + "c-round" + round,
                        bootstrapServers, topic, url, consumers, options.partitions(), runs);
                rounds.computeIfAbsent(name, k -> new ArrayList<>()).add(result.runsPerSecond());
                usage.put(name, result.processor());
            }
        }
        double copyMedian = median(rounds.get(COPY));
        List<Contender> contenders = new ArrayList<>();
        rounds.forEach((name, rates) -> {
            double median = median(rates);
            contenders.add(new Contender(name, rates, median, median * TypicalRuns.ROWS_PER_RUN, median / copyMedian,
                    usage.get(name)));
        });
        return new Result(runs, TypicalRuns.ROWS_PER_RUN, contenders);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
