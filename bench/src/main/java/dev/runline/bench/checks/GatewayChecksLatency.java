package dev.runline.bench.checks;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.runline.bench.BenchDatabase;
import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.ratelimit.KeyRateLimiter;
import dev.runline.gateway.ratelimit.RateLimitProperties;
import dev.runline.gateway.reference.ReferenceData;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * What the gateway's synchronous checks add to a run creation: the API key (SHA-256 and cache lookup, rate
 * limit), the procedure and the station link, with the gateway's own classes and default settings against a
 * real PostgreSQL. Warm: the steady state, served from the caches. Cold: each lookup a cache miss, i.e. one
 * database round trip per check (the first request of a key or procedure, or after the cache TTL).
 *
 * <p>Run: {@code java -cp bench/target/runline-bench.jar -Dloader.main=dev.runline.bench.checks.GatewayChecksLatency
 * org.springframework.boot.loader.launch.PropertiesLauncher}
 */
public final class GatewayChecksLatency {

    private static final int WARM_ITERATIONS = 200_000;
    private static final int COLD_ITERATIONS = 2_000;

    private GatewayChecksLatency() {}

    public static void main(String[] args) throws Exception {
        try (BenchDatabase database = new BenchDatabase(Path.of("target", "gateway-checks-logs"))) {
            String url = database.newDatabase();
            BenchDatabase.Tenant tenant = BenchDatabase.seed(url);
            // Pooled like the gateway's (Hikari): a cold lookup is a query, not a new connection.
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            pool.setUsername(BenchDatabase.USER);
            pool.setMaximumPoolSize(4);
            Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
            Binder defaults = new Binder(new MapConfigurationPropertySource());
            GatewayProperties properties = defaults.bindOrCreate("runline.gateway", GatewayProperties.class);
            RateLimitProperties unlimited = new RateLimitProperties(false, 300, 3000, 100_000);
            String authorization = "Bearer " + tenant.apiKey();
            UUID station = UUID.randomUUID();

            ApiKeyAuthenticator warmKeys = new ApiKeyAuthenticator(jdbi, properties, Clock.systemUTC(),
                    new KeyRateLimiter(unlimited, Ticker.systemTicker()));
            ReferenceData warmReference = new ReferenceData(jdbi, properties);
            Histogram warm = measure(WARM_ITERATIONS, () -> check(warmKeys, warmReference, authorization, tenant, station));

            Histogram cold = new Histogram(3);
            for (int i = 0; i < COLD_ITERATIONS; i++) {
                // New caches each time: every lookup goes to PostgreSQL, as on a miss.
                ApiKeyAuthenticator keys = new ApiKeyAuthenticator(jdbi, properties, Clock.systemUTC(),
                        new KeyRateLimiter(unlimited, Ticker.systemTicker()));
                ReferenceData reference = new ReferenceData(jdbi, properties);
                long started = System.nanoTime();
                check(keys, reference, authorization, tenant, station);
                if (i >= COLD_ITERATIONS / 10) {
                    cold.recordValue(System.nanoTime() - started);
                }
                keys.destroy(); // its lane for unknown keys' lookups
            }
            print("warm (cached)", warm);
            print("cold (3 database lookups)", cold);
            pool.close();
        }
    }

    /** Key, procedure and station link: what a station key's v2 run goes through before it is published. */
    private static void check(ApiKeyAuthenticator keys, ReferenceData reference, String authorization,
            BenchDatabase.Tenant tenant, UUID station) {
        keys.authenticate(authorization).block();
        reference.procedureExists(tenant.organizationId(), tenant.procedureId()).block();
        reference.stationLinked(station, tenant.procedureId()).block();
    }

    private static Histogram measure(int iterations, Runnable check) {
        for (int i = 0; i < iterations / 4; i++) {
            check.run(); // warm-up: JIT and caches
        }
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < iterations; i++) {
            long started = System.nanoTime();
            check.run();
            histogram.recordValue(System.nanoTime() - started);
        }
        return histogram;
    }

    private static void print(String name, Histogram histogram) {
        System.out.printf(Locale.ROOT, "gateway checks, %-26s n=%d  p50 %.1f µs  p99 %.1f µs  p99.9 %.1f µs  mean %.1f µs%n",
                name, histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMean() / 1e3);
    }
}
