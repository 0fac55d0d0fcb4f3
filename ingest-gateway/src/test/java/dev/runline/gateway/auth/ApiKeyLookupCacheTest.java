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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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
 * key, known or not, costs one query per cache TTL; a made-up key costs none; the caches hold no more than
 * their configured sizes, and unknown keys cannot push a valid one out.
 */
class ApiKeyLookupCacheTest {

    private static final String DATABASE = TestDatabase.newMigratedDatabase();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final AtomicInteger queries = new AtomicInteger();

    /** Failed authentications unlimited here: these tests count lookups, not refusals per address. */
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
        AuthProperties auth = new AuthProperties(true, false, 1, 30, 100_000, List.of(), 2, 200, cacheSize,
                Duration.ofHours(1));
        return new ApiKeyAuthenticator(jdbi, properties, auth, Clock.systemUTC(), unlimited);
    }

    /** A key of the format minted before the checksum, never stored: only a lookup can tell it is unknown. */
    static String madeUpOldFormatKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "rl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aFloodOfOneUnknownKeyQueriesTheDatabaseOnce() {
        ApiKeyAuthenticator authenticator = authenticator(100);
        String stale = "Bearer " + madeUpOldFormatKey();

        for (int i = 0; i < 1000; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(stale).block())
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
    void aKeyMintedBeforeTheChecksumStillWorks() {
        String old = madeUpOldFormatKey();
        tenant.addKey(tenant.adminId, null, ApiKeySecrets.sha256(old), null, null);

        assertThat(authenticator(100).authenticate("Bearer " + old).block().userId()).isEqualTo(tenant.adminId);
    }

    @Test
    void madeUpKeysAreRefusedWithoutQueryingTheDatabase() {
        ApiKeyAuthenticator authenticator = authenticator(100);

        for (int i = 0; i < 1000; i++) {
            String secret = ApiKeySecrets.generate().secret();
            String madeUp = "Bearer " + secret.substring(0, 10) + (secret.charAt(10) == 'A' ? 'B' : 'A') + secret.substring(11);
            assertThatThrownBy(() -> authenticator.authenticate(madeUp).block())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        }
        assertThatThrownBy(() -> authenticator.authenticate("Bearer rl_random-1").block()).isInstanceOf(ApiException.class);

        assertThat(queries).hasValue(0);
    }

    @Test
    void theLookupCachesHoldNoMoreThanTheirSize() {
        ApiKeyAuthenticator authenticator = authenticator(20);

        for (int i = 0; i < 500; i++) {
            String secret = "Bearer " + madeUpOldFormatKey();
            assertThatThrownBy(() -> authenticator.authenticate(secret).block()).isInstanceOf(ApiException.class);
        }

        assertThat(authenticator.cachedLookups()).isLessThanOrEqualTo(20);
        assertThat(queries).as("each distinct key is looked up once").hasValue(500);
    }

    @Test
    void manyUnknownKeysDoNotPushAValidKeyOutOfTheCache() {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        tenant.addKey(tenant.adminId, null, key.sha256(), null, null);
        ApiKeyAuthenticator authenticator = authenticator(20);
        authenticator.authenticate("Bearer " + key.secret()).block();

        for (int i = 0; i < 500; i++) {
            String secret = "Bearer " + madeUpOldFormatKey();
            assertThatThrownBy(() -> authenticator.authenticate(secret).block()).isInstanceOf(ApiException.class);
        }
        int before = queries.get();
        authenticator.authenticate("Bearer " + key.secret()).block();

        assertThat(queries.get() - before).as("the valid key is still cached").isZero();
    }
}
