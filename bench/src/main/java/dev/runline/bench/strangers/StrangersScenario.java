package dev.runline.bench.strangers;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.BenchOptions;
import dev.runline.bench.Progress;
import dev.runline.bench.child.Services;
import dev.runline.bench.load.ClosedLoopLoad;
import dev.runline.bench.load.HttpLoad;
import dev.runline.bench.load.LoadResult;
import dev.runline.bench.load.OpenLoopLoad;
import dev.runline.bench.runs.RunBodies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Strangers cost nothing" (issue #14 item 5): a station posting typical runs at a fixed rate, first alone
 * (the baseline), then while a flood of requests with made-up API keys, each key a new one, arrives at
 * {@code --strangers-flood-rate}. The station's p99 is printed beside its limit, twice the baseline's, and its
 * answers must all stay 200.
 *
 * <p>Two floods: keys of the current format with a wrong checksum from one address (refused without a lookup,
 * soon 429 for the address), and keys of the old format without checksum, each from a new forwarded address
 * (the gateway trusts the load generator as its proxy): every one of those needs a lookup, on the gateway's
 * bounded lane for unknown keys.
 */
public final class StrangersScenario {

    private static final int STATION_CONNECTIONS = 200;

    /**
     * @param flood        {@code none} for the baseline, else the {@link StrangerFlood.Kind}
     * @param station      the station's runs during the step
     * @param floodSent    requests with made-up keys sent during the step (its warm-up included), at {@code floodRate}/s
 * @param floodAnswers the flood's answers by status (503: the unknown-key lane was full)
     */
    public record Step(String flood, LoadResult station, long floodSent, double floodRate, Map<String, Long> floodAnswers) {}

    public record Result(int stationRate, int floodRate, Step baseline, List<Step> floods, double limitP99Ms) {

        public boolean withinLimits() {
            return floods.stream().allMatch(s -> s.station().latency().p99() <= limitP99Ms && s.station().errorCount() == 0);
        }
    }

    private StrangersScenario() {}

    public static Result run(BenchOptions options, BenchDatabase database, String bootstrapServers, Services services,
            Progress progress) throws Exception {
        String url = database.newDatabase();
        BenchDatabase.Tenant tenant = BenchDatabase.seed(url);
        RunBodies typical = RunBodies.typical(tenant.procedureId(), options.units());
        progress.say("strangers: starting the gateway");
        try (Services.Running gateway = services.gateway("gateway-strangers", bootstrapServers, url, "bench-strangers",
                options.partitions(), List.of("--runline.gateway.auth.trusted-proxies=127.0.0.1"))) {
            progress.say("strangers: warm-up, typical runs at saturation for %s", Progress.show(options.serviceWarmup()));
            try (HttpLoad http = new HttpLoad(gateway.baseUrl(), RunBodies.PATH, tenant.apiKey(), options.connections())) {
                ClosedLoopLoad.run(http, typical, options.connections(), Duration.ZERO, options.serviceWarmup());
            }
            Step baseline = step(gateway, tenant, typical, options, null, progress);
            List<Step> floods = new ArrayList<>();
            for (StrangerFlood.Kind kind : StrangerFlood.Kind.values()) {
                floods.add(step(gateway, tenant, typical, options, kind, progress));
            }
            return new Result(options.strangersStationRate(), options.strangersFloodRate(), baseline, floods,
                    2 * baseline.station().latency().p99());
        }
    }

    private static Step step(Services.Running gateway, BenchDatabase.Tenant tenant, RunBodies bodies, BenchOptions options,
            StrangerFlood.Kind kind, Progress progress) throws InterruptedException {
        progress.say("strangers: station at %d runs/s, %s", options.strangersStationRate(),
                kind == null ? "no flood (baseline)" : "flood of " + options.strangersFloodRate() + " requests/s, " + kind);
        try (HttpLoad station = new HttpLoad(gateway.baseUrl(), RunBodies.PATH, tenant.apiKey(), STATION_CONNECTIONS)) {
            if (kind == null) {
                LoadResult load = OpenLoopLoad.run(station, bodies, options.strangersStationRate(), options.warmup(),
                        options.duration(), OpenLoopLoad.Acknowledgements.NONE);
                return new Step("none", load, 0, 0, Map.of());
            }
            try (StrangerFlood flood = new StrangerFlood(gateway.baseUrl(), RunBodies.PATH, kind, options.strangersFloodRate())) {
                LoadResult load = OpenLoopLoad.run(station, bodies, options.strangersStationRate(), options.warmup(),
                        options.duration(), OpenLoopLoad.Acknowledgements.NONE);
                Map<String, Long> answers = flood.stopAndCount();
                return new Step(kind.name().toLowerCase(Locale.ROOT), load, flood.sent(), flood.rate(), answers);
            }
        }
    }

    /** The table printed after the scenario: each of the station's figures beside its limit. */
    public static String table(Result result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nStrangers: a station at %d runs/s; floods of %d requests/s with made-up keys, each a new key%n",
                result.stationRate(), result.floodRate()));
        out.append(String.format(Locale.ROOT, "%-27s %9s %9s %11s %9s %9s  %s%n", "step", "p50 ms", "p99 ms",
                "limit p99", "non-200", "flood/s", "flood answers"));
        row(out, result.baseline(), "-", result);
        for (Step flood : result.floods()) {
            row(out, flood, String.format(Locale.ROOT, "%.1f", result.limitP99Ms()), result);
        }
        out.append(String.format(Locale.ROOT, "station within 2x baseline p99 and all 200 during every flood: %s%n",
                result.withinLimits() ? "yes" : "NO"));
        return out.toString();
    }

    private static void row(StringBuilder out, Step step, String limit, Result result) {
        LoadResult s = step.station();
        out.append(String.format(Locale.ROOT, "%-27s %9.1f %9.1f %11s %9d %9s  %s%n", step.flood(), s.latency().p50(),
                s.latency().p99(), limit, s.errorCount(),
                step.floodSent() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", step.floodRate()), step.floodAnswers()));
    }
}
