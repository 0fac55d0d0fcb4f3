package dev.runline.bench.gateway;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.BenchOptions;
import dev.runline.bench.Progress;
import dev.runline.bench.child.ProcessUsage;
import dev.runline.bench.child.Services;
import dev.runline.bench.child.UsageWindow;
import dev.runline.bench.load.ClosedLoopLoad;
import dev.runline.bench.load.HttpLoad;
import dev.runline.bench.load.LoadResult;
import dev.runline.bench.load.OpenLoopLoad;
import dev.runline.bench.runs.RunBodies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway under HTTP load, beside its two limits measured in the same run: the HTTP floor (the same web
 * stack doing nothing) under the same load, and the raw Kafka producer with the gateway's settings.
 *
 * <p>Steps: typical runs at each fixed rate, large runs at their fixed rate, then saturation (closed loop)
 * with typical and with large runs; the floor gets the same saturation steps. Nothing consumes the gateway's
 * topic here: the processor is measured in its own scenario and in the end-to-end one.
 */
public final class GatewayScenario {

    /** Open-loop pool size: far above the concurrency any step needs, so no request waits for a connection. */
    private static final int FIXED_RATE_CONNECTIONS = 1000;

    /**
     * One load step.
     *
     * @param target  {@code gateway} or {@code http floor}
     * @param run     {@code typical} or {@code large}
     * @param server  the gateway's (or floor's) process during the step
     * @param bench   the benchmark's own process (load generator and broker) during the step
     */
    public record Step(String target, String run, LoadResult load, ProcessUsage server, ProcessUsage bench) {}

    public record Result(double typicalBodyBytes, double largeBodyBytes, List<Step> steps, RawProducer.Result rawProducer) {

        /** The closed-loop step of {@code target} with {@code run} bodies, if it ran. */
        public Step saturation(String target, String run) {
            return steps.stream().filter(s -> s.target().equals(target) && s.run().equals(run)
                    && s.load().mode().equals("saturation")).findFirst().orElse(null);
        }
    }

    private GatewayScenario() {}

    public static Result run(BenchOptions options, BenchDatabase database, String bootstrapServers, Services services,
            Progress progress) throws Exception {
        String url = database.newDatabase();
        BenchDatabase.Tenant tenant = BenchDatabase.seed(url);
        RunBodies typical = RunBodies.typical(tenant.procedureId(), options.units());
        RunBodies large = RunBodies.large(tenant.procedureId());
        List<Step> steps = new ArrayList<>();
        progress.say("gateway: starting the gateway");
        try (Services.Running gateway = services.gateway("gateway", bootstrapServers, url, "bench-gateway", options.partitions())) {
            warmUp("gateway", gateway, tenant, typical, options, progress);
            for (int rate : options.rates()) {
                steps.add(fixedRate("gateway", gateway, tenant, typical, rate, options, progress));
            }
            steps.add(fixedRate("gateway", gateway, tenant, large, options.largeRate(), options, progress));
            steps.add(saturation("gateway", gateway, tenant, typical, options, progress));
            steps.add(saturation("gateway", gateway, tenant, large, options, progress));
        }
        progress.say("gateway: starting the HTTP floor");
        try (Services.Running floor = services.httpFloor("http-floor")) {
            warmUp("http floor", floor, tenant, typical, options, progress);
            steps.add(saturation("http floor", floor, tenant, typical, options, progress));
            steps.add(saturation("http floor", floor, tenant, large, options, progress));
        }
        progress.say("gateway: raw Kafka producer, gateway settings, typical runs");
        RawProducer.Result producer = RawProducer.run(bootstrapServers, options.partitions(), options.units(),
                options.warmup(), options.duration());
        return new Result(typical.averageBytes(), large.averageBytes(), steps, producer);
    }

    /** Saturation, unmeasured, once after start: the first step must not measure the JIT compiling the server. */
    private static void warmUp(String target, Services.Running server, BenchDatabase.Tenant tenant, RunBodies bodies,
            BenchOptions options, Progress progress) throws InterruptedException {
        progress.say("%s: warm-up, %s runs at saturation for %s", target, bodies.name(), Progress.show(options.serviceWarmup()));
        try (HttpLoad http = new HttpLoad(server.baseUrl(), RunBodies.PATH, tenant.apiKey(), options.connections())) {
            ClosedLoopLoad.run(http, bodies, options.connections(), Duration.ZERO, options.serviceWarmup());
        }
    }

    private static Step fixedRate(String target, Services.Running server, BenchDatabase.Tenant tenant, RunBodies bodies,
            int rate, BenchOptions options, Progress progress) throws InterruptedException {
        progress.say("%s: %s runs at %d runs/s", target, bodies.name(), rate);
        try (HttpLoad http = new HttpLoad(server.baseUrl(), RunBodies.PATH, tenant.apiKey(), FIXED_RATE_CONNECTIONS)) {
            UsageWindow serverWindow = server.jvm().startWindow();
            UsageWindow benchWindow = UsageWindow.startSelf();
            LoadResult load = OpenLoopLoad.run(http, bodies, rate, options.warmup(), options.duration(),
                    OpenLoopLoad.Acknowledgements.NONE);
            return new Step(target, bodies.name(), load, serverWindow.finish(), benchWindow.finish());
        }
    }

    private static Step saturation(String target, Services.Running server, BenchDatabase.Tenant tenant, RunBodies bodies,
            BenchOptions options, Progress progress) throws InterruptedException {
        int connections = bodies.name().equals("large") ? options.largeConnections() : options.connections();
        progress.say("%s: %s runs at saturation, %d connections", target, bodies.name(), connections);
        try (HttpLoad http = new HttpLoad(server.baseUrl(), RunBodies.PATH, tenant.apiKey(), connections)) {
            UsageWindow serverWindow = server.jvm().startWindow();
            UsageWindow benchWindow = UsageWindow.startSelf();
            LoadResult load = ClosedLoopLoad.run(http, bodies, connections, options.warmup(), options.duration());
            return new Step(target, bodies.name(), load, serverWindow.finish(), benchWindow.finish());
        }
    }
}
