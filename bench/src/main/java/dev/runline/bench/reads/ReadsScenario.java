package dev.runline.bench.reads;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.BenchOptions;
import dev.runline.bench.BenchTopics;
import dev.runline.bench.Progress;
import dev.runline.bench.child.Services;
import dev.runline.bench.load.HttpLoad;
import dev.runline.bench.load.Percentiles;
import dev.runline.bench.processor.ProcessorDrain;
import dev.runline.bench.runs.TypicalRuns;
import dev.runline.schemas.event.RunAccepted;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Reads at production volume: a database filled with {@code --read-runs} typical runs ({@link ReadFill}), read by
 * {@code --read-readers} concurrent clients through the gateway (closed loop) — runs.get of random stored runs, a
 * filtered runs.list page, units.get of random serials — each beside the same statements run raw through JDBC by as
 * many threads in the same run. Then the price of that volume (and of the read indexes) for writing: the processor's
 * drain rate on the filled database beside its rate on an empty one, both measured here.
 */
public final class ReadsScenario {

    /** The filtered page: one part's failures, newest first, a page of 50 (the client's default). */
    static final String LIST_OUTCOME = "FAIL";
    static final int PAGE = 50;

    /** The limit for each read's p99. */
    public static final double P99_LIMIT_MS = 50;

    /**
     * What one query measured, through the gateway or raw.
     *
     * @param ok     answers (200) or raw executions completed in the measured window
     * @param errors other outcomes in the measured window, by status code or exception
     */
    public record Figures(long ok, Map<String, Long> errors, double perSecond, Percentiles latency) {

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Every answer a 404 or 405: the gateway has no such route (yet). */
        public boolean routeMissing() {
            return ok == 0 && errorCount() > 0 && errors.keySet().stream().allMatch(code -> code.equals("404") || code.equals("405"));
        }
    }

    /**
     * One query's figures.
     *
     * @param request what the gateway was asked, e.g. {@code GET /api/v2/runs/{id}}
     */
    public record Query(String name, String request, Figures http, Figures raw) {}

    /**
     * @param rows         rows of runs, phases, measurements and logs in the filled database (planner estimate)
     * @param databaseMiB  the filled database's size on disk
     * @param drainRuns    typical runs drained by the processor on each database, one consumer
     * @param withoutReadIndexesRunsPerSecond the drain rate on the filled database once V7's read indexes are dropped
     *                     (and V1's runs_unit restored): the schema before them, at the same volume
     */
    public record Result(int runs, int units, long rows, double databaseMiB, double fillSeconds, int readers, Duration pause,
            List<Query> queries,
            int drainRuns, double emptyRunsPerSecond, double filledRunsPerSecond, double withoutReadIndexesRunsPerSecond) {

        public double drainRatio() {
            return filledRunsPerSecond / emptyRunsPerSecond;
        }

        /** What the read indexes alone cost writing: the filled database with them ÷ without them. */
        public double readIndexesRatio() {
            return filledRunsPerSecond / withoutReadIndexesRunsPerSecond;
        }
    }

    private ReadsScenario() {}

    public static Result run(BenchOptions options, BenchDatabase database, String bootstrapServers, Services services,
            Progress progress) throws Exception {
        int drainRuns = options.runs();
        progress.say("reads: processor draining %d typical runs into an empty database", drainRuns);
        double empty = drain(options, database.newDatabase(), null, "empty", bootstrapServers, services);

        String url = database.newDatabase();
        BenchDatabase.Tenant tenant = BenchDatabase.seed(url);
        progress.say("reads: filling a database with %,d runs", options.readRuns());
        long fillStart = System.nanoTime();
        ReadFill.Filled filled = ReadFill.fill(url, tenant, options.readRuns(), progress);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        long rows = rows(url);
        double megabytes = megabytes(url);
        progress.say("reads: filled in %.0f s, %,d rows, %.0f MiB", fillSeconds, rows, megabytes);

        UUID org = tenant.organizationId();
        List<UUID> ids = filled.runIds();
        LongFunction<UUID> runId = i -> ids.get(Math.floorMod(mix(i), ids.size()));
        LongFunction<String> part = i -> filled.partNumbers().get(Math.floorMod(mix(i), filled.partNumbers().size()));
        LongFunction<String> serial = i -> ReadFill.Filled.serial(1 + Math.floorMod(mix(i), filled.units()));
        int readers = options.readReaders();

        Path plans = options.out().resolve("reads-plans.txt");
        Files.createDirectories(options.out());
        try (RawReads.Reader get = new RawReads.Reader(url, RawReads.RUN_GET, i -> RawReads.runValues(org, runId.apply(i)));
                RawReads.Reader list = listReader(url, org, part);
                RawReads.Reader unit = unitReader(url, org, serial)) {
            Files.writeString(plans, "runs.get\n" + get.explain(1) + "\nruns.list\n" + list.explain(1) + "\nunits.get\n"
                    + unit.explain(1));
        }
        progress.say("reads: query plans in %s", plans.toAbsolutePath());

        List<Query> queries = new ArrayList<>();
        progress.say("reads: starting the gateway");
        try (Services.Running gateway = services.gateway("gateway-reads", bootstrapServers, url, "bench-reads", options.partitions());
                HttpLoad http = new HttpLoad(gateway.baseUrl(), "/", tenant.apiKey(), readers)) {
            List<LongFunction<String>> uris = List.of(
                    i -> "/api/v2/runs/" + runId.apply(i),
                    i -> "/api/v2/runs?part_numbers=" + part.apply(i) + "&outcomes=" + LIST_OUTCOME + "&limit=" + PAGE,
                    i -> "/api/v2/units/" + serial.apply(i));
            progress.say("reads: warm-up, %s of each query", Progress.show(options.serviceWarmup()));
            for (LongFunction<String> uri : uris) {
                ReadLoad.http(http, uri, readers, Duration.ZERO, Duration.ZERO, options.serviceWarmup().dividedBy(uris.size()));
            }
            queries.add(measure("runs.get", "GET /api/v2/runs/{id}, random stored runs", http, uris.get(0),
                    () -> new RawReads.Reader(url, RawReads.RUN_GET, i -> RawReads.runValues(org, runId.apply(i))),
                    options, progress));
            queries.add(measure("runs.list", "GET /api/v2/runs?part_numbers={part}&outcomes=FAIL&limit=50", http, uris.get(1),
                    () -> listReader(url, org, part),
                    options, progress));
            queries.add(measure("units.get", "GET /api/v2/units/{serial_number}, random serials", http, uris.get(2),
                    () -> unitReader(url, org, serial),
                    options, progress));
        }

        // Without the read indexes first, then with them again: a later drain meets a slightly larger database, so any
        // bias of the order is against the indexes.
        progress.say("reads: processor draining %d typical runs into the filled database without V7's read indexes", drainRuns);
        execute(url, WITHOUT_READ_INDEXES);
        double withoutReadIndexes = drain(options, url, tenant, "filled-without-read-indexes", bootstrapServers, services);
        progress.say("reads: processor draining %d more typical runs into the filled database with them", drainRuns);
        execute(url, resource("/db/migration/V7__read_indexes.sql") + "\nANALYZE");
        double full = drain(options, url, tenant, "filled", bootstrapServers, services);
        return new Result(filled.runs(), filled.units(), rows, megabytes, fillSeconds, readers, options.readPause(), queries, drainRuns, empty, full,
                withoutReadIndexes);
    }

    /** The gateway's page: limit one more than the page, to tell whether there is more; names lower-cased. */
    private static RawReads.Reader listReader(String url, UUID org, LongFunction<String> part) {
        return new RawReads.Reader(url, List.of(RawReads.RUN_LIST), i -> Map.of("organizationId", org,
                "f.partNumbers", new String[] {part.apply(i).toLowerCase(Locale.ROOT)},
                "f.outcomes", new String[] {LIST_OUTCOME}, "limit", PAGE + 1, "offset", 0));
    }

    private static RawReads.Reader unitReader(String url, UUID org, LongFunction<String> serial) {
        return new RawReads.Reader(url, RawReads.UNIT_GET, i -> Map.of("organizationId", org, "serialNumber", serial.apply(i)));
    }

    private static Query measure(String name, String request, HttpLoad http, LongFunction<String> uri,
            java.util.function.Supplier<ReadLoad.RawQuery> raw, BenchOptions options, Progress progress)
            throws InterruptedException {
        progress.say("reads: %s through the gateway, %d readers", name, options.readReaders());
        Figures viaHttp = ReadLoad.http(http, uri, options.readReaders(), options.readPause(), options.warmup(),
                options.duration());
        progress.say("reads: %s raw through JDBC, %d threads", name, options.readReaders());
        Figures viaJdbc = ReadLoad.raw(raw, options.readReaders(), options.readPause(), options.warmup(), options.duration());
        return new Query(name, request, viaHttp, viaJdbc);
    }

    /** Undoes V7__read_indexes.sql (whose text then applies it again): the schema writes met before it. */
    static final String WITHOUT_READ_INDEXES = """
            CREATE INDEX runs_unit ON runs (unit_id);
            DROP INDEX runs_unit_started, runs_org_received, units_revision, units_batch;
            """;

        /** The processor (one consumer, its own JVM) draining the typical runs into {@code url}; runs/s. */
    private static double drain(BenchOptions options, String url, BenchDatabase.Tenant seeded, String label,
            String bootstrapServers, Services services) throws Exception {
        BenchDatabase.Tenant tenant = seeded == null ? BenchDatabase.seed(url) : seeded;
        List<RunAccepted> events = new TypicalRuns(tenant).generate(options.runs(), options.units());
        String topic = "bench-reads-drain-" + label;
        BenchTopics.create(bootstrapServers, topic, options.partitions());
        ProcessorDrain.fill(bootstrapServers, topic, events);
        // Counts only this drain's runs (they start after every filled one; an earlier drain's are subtracted), by index:
        // not the whole history every 20 ms.
        String drained = "FROM runs WHERE organization_id = '" + tenant.organizationId()
                + "' AND started_at >= timestamptz '" + TypicalRuns.FIRST_STARTED_AT + "'";
        String count = "SELECT count(*) - " + single(url, "SELECT count(*) " + drained) + " " + drained;
        return ProcessorDrain.drain(services, "processor-reads-" + label, bootstrapServers, topic, url, 1, options.partitions(),
                options.runs(), count).runsPerSecond();
    }

    private static String resource(String path) throws java.io.IOException {
        try (var in = ReadsScenario.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No " + path + " on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long rows(String url) throws SQLException {
        return single(url, "SELECT sum(reltuples)::bigint FROM pg_class WHERE relname IN ('runs', 'phases', 'measurements', 'logs')");
    }

    private static double megabytes(String url) throws SQLException {
        return single(url, "SELECT pg_database_size(current_database())") / (1024.0 * 1024.0);
    }

    private static long single(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, "");
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Spreads consecutive request numbers over the stored ids (splitmix64's finaliser). */
    private static long mix(long i) {
        long z = i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
