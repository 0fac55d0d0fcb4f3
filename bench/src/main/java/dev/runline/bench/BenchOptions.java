package dev.runline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's command-line options, {@code --name=value}. The defaults are the standard suite, sized to
 * finish in under 10 minutes on 2 cores.
 *
 * @param scenarios        which scenarios run: {@code gateway} (with its limits, the HTTP floor and the raw
 *                         Kafka producer), {@code processor} (with its limit, raw COPY), {@code e2e}, {@code uploads}
 *                         (10 MiB files through the gateway, with its limit, raw PUTs to the same S3 server);
 *                         {@code reads} (not in {@code all}: it fills a production-sized database first) reads
 *                         through the gateway beside the same SQL raw through JDBC, and the processor's drain rate
 *                         on that database beside an empty one
 *                         {@code strangers} (a station during floods of made-up keys) runs only when named
 * @param duration         measured time of each fixed-rate and saturation step
 * @param warmup           unmeasured load before each step (connection pools, caches)
 * @param serviceWarmup    unmeasured saturation once, after the gateway (or the floor) started and before its
 *                         first step, so that no step measures the JIT compiling it
 * @param rates            fixed arrival rates for typical runs, runs/s
 * @param largeRate        fixed arrival rate for large runs, runs/s
 * @param connections      concurrent connections of the closed-loop saturation steps with typical runs
 * @param largeConnections concurrent connections of the saturation steps with large runs (each holds ~0.5 MB
 *                         of JSON and its parsed tree in the gateway, so fewer, as fewer stations send them)
 * @param e2eRate          fixed arrival rate of the end-to-end scenario, runs/s
 * @param e2eDuration      measured time of the end-to-end scenario
 * @param e2eWarmup        unmeasured load at the e2e rate before it, then a wait until the processor caught up:
 *                         two freshly started JVMs and a fresh database take about a minute to settle (JIT, GC
 *                         sizing); measured after 20 s, the first minute's p99 was seconds, after 60 s 0.2 s
 * @param runs             typical runs drained by the processor scenario
 * @param units            distinct serial numbers the runs are spread over
 * @param partitions       partitions of every benchmark topic (the services' default)
 * @param repeat           rounds of the processor scenario (medians are reported)
 * @param uploadClients    concurrent clients of the uploads scenario, each uploading one file after another
 * @param uploadDuration   measured time of each uploads step (raw PUTs, then the gateway)
 * @param uploadWarmup     unmeasured uploads before each: the gateway's JIT and the S3 server's
 * @param readRuns         runs (76 rows each) the reads scenario fills its database with
 * @param readReaders      concurrent readers of the reads scenario, through the gateway and raw
 * @param readPause        each reader's pause after an answer before its next request (people at screens, not a
 *                         saturating client); zero, the default, sends back to back
 * @param strangersStationRate fixed rate of the station in the strangers scenario, runs/s
 * @param strangersFloodRate   requests/s with made-up keys in the strangers scenario (the issue measured 2,000)
 * @param childJvmOptions  JVM options of the gateway, processor and HTTP floor child JVMs
 * @param jfr              whether the child JVMs record a JFR profile (settings=profile) into the output folder
 * @param out              folder of the result file, the chart and the child JVMs' logs
 */
public record BenchOptions(
        Set<String> scenarios,
        Duration duration,
        Duration warmup,
        Duration serviceWarmup,
        List<Integer> rates,
        int largeRate,
        int connections,
        int largeConnections,
        int e2eRate,
        Duration e2eDuration,
        Duration e2eWarmup,
        int runs,
        int units,
        int partitions,
        int repeat,
        int uploadClients,
        Duration uploadDuration,
        Duration uploadWarmup,
        int readRuns,
        int readReaders,
        Duration readPause,
        int strangersStationRate,
        int strangersFloodRate,
        List<String> childJvmOptions,
        boolean jfr,
        Path out) {

    /** The standard suite, {@code --scenario=all}. */
    static final List<String> ALL = List.of("gateway", "processor", "e2e", "uploads");
    /** Every scenario: the standard suite and those run only when named. */
    static final List<String> KNOWN = List.of("gateway", "processor", "e2e", "uploads", "reads", "strangers");

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --scenario=gateway; got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Map<String, String> o = new LinkedHashMap<>(given);
        String scenario = take(o, "scenario", "all");
        BenchOptions options = new BenchOptions(
                scenario.equals("all") ? Set.copyOf(ALL) : Set.copyOf(Arrays.asList(scenario.split(","))),
                duration(take(o, "duration", "20s")),
                duration(take(o, "warmup", "5s")),
                duration(take(o, "service-warmup", "20s")),
                Arrays.stream(take(o, "rates", "500,1000,2000").split(",")).map(String::strip).map(Integer::valueOf).toList(),
                Integer.parseInt(take(o, "large-rate", "10")),
                Integer.parseInt(take(o, "connections", "64")),
                Integer.parseInt(take(o, "large-connections", "8")),
                Integer.parseInt(take(o, "e2e-rate", "500")),
                duration(take(o, "e2e-duration", "2m")),
                duration(take(o, "e2e-warmup", "60s")),
                Integer.parseInt(take(o, "runs", "10000")),
                Integer.parseInt(take(o, "units", "2000")),
                Integer.parseInt(take(o, "partitions", "12")),
                Integer.parseInt(take(o, "repeat", "1")),
                Integer.parseInt(take(o, "upload-clients", "16")),
                duration(take(o, "upload-duration", "30s")),
                duration(take(o, "upload-warmup", "10s")),
                Integer.parseInt(take(o, "read-runs", "300000")),
                Integer.parseInt(take(o, "read-readers", "50")),
                duration(take(o, "read-pause", "0s")),
                Integer.parseInt(take(o, "strangers-station-rate", "50")),
                Integer.parseInt(take(o, "strangers-flood-rate", "2000")),
                // A bounded heap, as any deployment sets one: by default the JVM would size it from the host's RAM.
                List.of(take(o, "child-jvm", "-Xmx256m").strip().split("\\s+")),
                Boolean.parseBoolean(take(o, "jfr", "false")),
                Path.of(take(o, "out", "target/bench-results")));
        if (!o.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + o.keySet() + "; see the README's Benchmarks section");
        }
        if (!KNOWN.containsAll(options.scenarios())) {
            throw new IllegalArgumentException("--scenario takes all or any of " + KNOWN + "; got " + scenario);
        }
        return options;
    }

    boolean includes(String scenario) {
        return scenarios.contains(scenario);
    }

    private static String take(Map<String, String> options, String name, String fallback) {
        String value = options.remove(name);
        return value == null ? fallback : value;
    }

    /** {@code 20s}, {@code 2m}, {@code 500ms}, or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
        }
        return Duration.parse(text);
    }
}
