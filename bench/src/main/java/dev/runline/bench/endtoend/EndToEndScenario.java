package dev.runline.bench.endtoend;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.BenchOptions;
import dev.runline.bench.Progress;
import dev.runline.bench.child.MachineCpu;
import dev.runline.bench.child.ProcessUsage;
import dev.runline.bench.child.Services;
import dev.runline.bench.child.UsageWindow;
import dev.runline.bench.load.HttpLoad;
import dev.runline.bench.load.LoadResult;
import dev.runline.bench.load.OpenLoopLoad;
import dev.runline.bench.load.Percentiles;
import dev.runline.bench.runs.RunBodies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * The whole pipeline at a fixed rate of typical runs: gateway and processor (its default 2 consumers), each
 * in its own JVM, on one topic and one database. For every run acknowledged in the measured window it takes
 * acknowledged → stored (the client's receipt of the 200, to the processor's commit making the run readable,
 * see {@link StoredRunListener}) and sent → stored (from the intended send time, what a station waits in
 * all), and samples the consumer lag to tell whether the processor keeps up.
 */
public final class EndToEndScenario {

    private static final String TOPIC = "bench-e2e";
    private static final String GROUP = "bench-e2e";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECTIONS = 1000;
    /** Longest wait for the processor to work off the warm-up's backlog; past it the measurement starts anyway. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(3);

    /**
     * @param notSeenStored  acknowledged runs not seen stored {@link #STORE_TIMEOUT} after the load stopped
     * @param storedBeforeAck runs whose commit was seen before the client had read the 200 (counted as 0 ms)
     * @param catchUpSeconds  how long after the warm-up the processor needed to work off its backlog; -1: it had
     *                        not after the catch-up limit
     * @param machine         the whole machine's and PostgreSQL's CPU during the measured window
     */
    public record Result(int rate, LoadResult load, Percentiles ackToStored, Percentiles sentToStored,
            long acknowledged, long notSeenStored, long storedBeforeAck, ConsumerLag.Summary consumerLag,
            double catchUpSeconds, ProcessUsage gateway, ProcessUsage processor, ProcessUsage bench,
            MachineCpu.Usage machine) {}

    private EndToEndScenario() {}

    public static Result run(BenchOptions options, BenchDatabase database, String bootstrapServers, Services services,
            Progress progress) throws Exception {
        String url = database.newDatabase();
        BenchDatabase.Tenant tenant = BenchDatabase.seed(url);
        RunBodies typical = RunBodies.typical(tenant.procedureId(), options.units());
        Map<UUID, long[]> acknowledged = new ConcurrentHashMap<>();
        progress.say("e2e: starting the processor and the gateway");
        try (StoredRunListener stored = StoredRunListener.install(url);
                Services.Running processor = services.processor("e2e-processor", bootstrapServers, url, TOPIC, GROUP, 2,
                        options.partitions());
                Services.Running gateway = services.gateway("e2e-gateway", bootstrapServers, url, TOPIC, options.partitions());
                HttpLoad http = new HttpLoad(gateway.baseUrl(), RunBodies.PATH, tenant.apiKey(), CONNECTIONS);
                ConsumerLag lag = new ConsumerLag(bootstrapServers, TOPIC, options.partitions(), GROUP)) {
            awaitConsumersAssigned(bootstrapServers);
            // Warm-up: the same load, unmeasured, so that both services run compiled code; then a pause until the
            // processor has worked off what the cold start left behind, as a running deployment would have.
            progress.say("e2e: warm-up, typical runs at %d runs/s for %s", options.e2eRate(),
                    Progress.show(options.e2eWarmup()));
            OpenLoopLoad.run(http, typical, options.e2eRate(), Duration.ZERO, options.e2eWarmup(),
                    OpenLoopLoad.Acknowledgements.NONE);
            double catchUpSeconds = awaitCaughtUp(lag, options.e2eRate());
            progress.say("e2e: typical runs at %d runs/s for %s (%s)", options.e2eRate(), Progress.show(options.e2eDuration()),
                    catchUpSeconds >= 0 ? String.format(Locale.ROOT, "the processor caught up %.0f s after the warm-up", catchUpSeconds)
                            : "the processor had NOT caught up " + CATCH_UP_LIMIT.toMinutes() + " min after the warm-up");
            UsageWindow gatewayUsage = gateway.jvm().startWindow();
            UsageWindow processorUsage = processor.jvm().startWindow();
            UsageWindow benchUsage = UsageWindow.startSelf();
            MachineCpu machine = MachineCpu.start();
            double from = lag.secondsSinceStart();
            double to = from + options.e2eDuration().toNanos() / 1e9;
            LoadResult load = OpenLoopLoad.run(http, typical, options.e2eRate(), Duration.ZERO, options.e2eDuration(),
                    (intended, ack, body) -> acknowledged.put(runId(body), new long[] {intended, ack}));
            MachineCpu.Usage machineUsage = machine.finish();
            long deadline = System.nanoTime() + STORE_TIMEOUT.toNanos();
            while (acknowledged.keySet().stream().anyMatch(id -> stored.storedAt(id) == null) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Histogram ackToStored = Percentiles.newHistogram();
            Histogram sentToStored = Percentiles.newHistogram();
            long missing = 0;
            long early = 0;
            for (var run : acknowledged.entrySet()) {
                Long at = stored.storedAt(run.getKey());
                if (at == null) {
                    missing++;
                    continue;
                }
                long sinceAck = at - run.getValue()[1];
                early += sinceAck < 0 ? 1 : 0;
                ackToStored.recordValue(Math.max(0, sinceAck) / 1000);
                sentToStored.recordValue((at - run.getValue()[0]) / 1000);
            }
            return new Result(options.e2eRate(), load, Percentiles.of(ackToStored), Percentiles.of(sentToStored),
                    acknowledged.size(), missing, early, lag.summary(from, to, options.e2eRate()), catchUpSeconds,
                    gatewayUsage.finish(), processorUsage.finish(), benchUsage.finish(), machineUsage);
        }
    }

    /**
     * Waits until the consumer lag is under a tenth of a second of arrivals and returns the seconds waited;
     * -1 when it still was not after {@link #CATCH_UP_LIMIT} (the measurement then starts anyway).
     */
    private static double awaitCaughtUp(ConsumerLag lag, int rate) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + CATCH_UP_LIMIT.toNanos();
        Thread.sleep(1500); // the lag sampler's next sample postdates the warm-up's last run
        while (System.nanoTime() < deadline) {
            long latest = lag.latest();
            if (latest >= 0 && latest <= Math.max(1, rate / 10)) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(500);
        }
        return -1;
    }

    /** The gateway answers {@code {"id":"<uuid>"}}. */
    private static UUID runId(byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        int at = json.indexOf("\"id\":\"") + 6;
        return UUID.fromString(json.substring(at, at + 36));
    }

    /** Runs sent before the consumers own their partitions would wait for the rebalance, not for the processor. */
    private static void awaitConsumersAssigned(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(5, TimeUnit.SECONDS).get(GROUP);
                if (group.groupState() == GroupState.STABLE && !group.members().isEmpty()) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("The processor's consumers had no partitions after 60 s");
        }
    }
}
