package dev.runline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.ratelimit.KeyRateLimiter;
import dev.runline.gateway.ratelimit.RateLimitProperties;
import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Key lookups against a real database, counting the queries that reach it: a flood of requests with one
 * key, known or not, costs one query per cache TTL, and the cache holds no more than its configured size.
 */
class ApiKeyLookupCacheTest {

    private static final String DATABASE = TestDatabase.newMigratedDatabase();

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final AtomicInteger queries = new AtomicInteger();

    private ApiKeyAuthenticator authenticator(int cacheSize) {
        Jdbi jdbi = Jdbi.create(DATABASE, TestDatabase.USER, TestDatabase.PASSWORD).installPlugin(new SqlObjectPlugin());
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                queries.incrementAndGet();
            }
        });
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "runline.gateway.reference-cache-ttl", "1h",
                "runline.gateway.reference-cache-size", Integer.toString(cacheSize))))
                .bindOrCreate("runline.gateway", GatewayProperties.class);
        KeyRateLimiter unlimited = new KeyRateLimiter(new RateLimitProperties(false, 1, 1, 1), Ticker.systemTicker());
        return new ApiKeyAuthenticator(jdbi, properties, Clock.systemUTC(), unlimited);
    }

    @Test
    void aFloodOfOneUnknownKeyQueriesTheDatabaseOnce() {
        ApiKeyAuthenticator authenticator = authenticator(100);

        for (int i = 0; i < 1000; i++) {
            assertThatThrownBy(() -> authenticator.authenticate("Bearer rl_stale-key-of-a-station").block())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        }

        assertThat(queries).hasValue(1);
    }

    @Test
    void aFloodOfOneKnownKeyQueriesTheDatabaseOnce() {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        tenant.addKey(tenant.adminId, null, key.sha256(), null, null);
        ApiKeyAuthenticator authenticator = authenticator(100);

        IntStream.range(0, 1000).forEach(i -> authenticator.authenticate("Bearer " + key.secret()).block());

        assertThat(queries).hasValue(1);
    }

    @Test
    void theLookupCacheHoldsNoMoreThanItsSize() {
        ApiKeyAuthenticator authenticator = authenticator(20);

        for (int i = 0; i < 500; i++) {
            String secret = "Bearer rl_random-" + i;
            assertThatThrownBy(() -> authenticator.authenticate(secret).block()).isInstanceOf(ApiException.class);
        }

        assertThat(authenticator.cachedLookups()).isLessThanOrEqualTo(20);
        assertThat(queries).as("each distinct key is looked up once").hasValue(500);
    }
}
