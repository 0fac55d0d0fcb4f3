package dev.runline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.ratelimit.KeyRateLimiter;
import dev.runline.gateway.ratelimit.RateLimitProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Keys never seen valid, against a lookup that makes them wait as long as a test likes: they wait on their
 * own small lane, a valid key (cached, or past its TTL) is answered meanwhile, and an address that keeps
 * failing is refused without a lookup.
 */
class StrangerKeysTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final ApiKeySecrets.NewApiKey station = ApiKeySecrets.generate();
    private final StoredApiKey stationKey = new StoredApiKey(UUID.randomUUID(), UUID.randomUUID(), null,
            UUID.randomUUID(), null, null, null);
    private final CountDownLatch databaseStuck = new CountDownLatch(1);
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();

    /** The station's key is found at once; any other waits until the test ends (a database under a flood). */
    private final ApiKeyAuthenticator.Lookup lookup = sha256 -> {
        lookups.incrementAndGet();
        if (Arrays.equals(sha256, station.sha256())) {
            return Optional.of(stationKey);
        }
        try {
            databaseStuck.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    };

    @AfterEach
    void unstick() {
        databaseStuck.countDown();
    }

    private ApiKeyAuthenticator authenticator(boolean failureLimit, long failureBurst) {
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "runline.gateway.reference-cache-ttl", "5s")))
                .bindOrCreate("runline.gateway", GatewayProperties.class);
        AuthProperties auth = new AuthProperties(true, failureLimit, 0.001, failureBurst, 1000, List.of(), 1, 2, 1000,
                Duration.ofHours(1));
        KeyRateLimiter unlimited = new KeyRateLimiter(new RateLimitProperties(false, 1, 1, 1), Ticker.systemTicker());
        return new ApiKeyAuthenticator(lookup, properties, auth, Clock.systemUTC(), unlimited, now::get);
    }

    /** Unknown keys of the old format (which only a lookup can refuse), sent without waiting for answers. */
    private void flood(ApiKeyAuthenticator authenticator, int keys, String address) {
        for (int i = 0; i < keys; i++) {
            authenticator.authenticate("Bearer " + ApiKeyLookupCacheTest.madeUpOldFormatKey(), address)
                    .subscribe(caller -> {}, error -> {});
        }
    }

    @Test
    void aCachedKeyIsAnsweredWhileUnknownKeysWaitForTheDatabase() {
        ApiKeyAuthenticator authenticator = authenticator(false, 1);
        authenticator.authenticate("Bearer " + station.secret(), "10.0.0.5").block(Duration.ofSeconds(5));

        flood(authenticator, 100, "203.0.113.7");

        assertThat(authenticator.authenticate("Bearer " + station.secret(), "10.0.0.5").block(Duration.ofSeconds(1))
                .keyId()).isEqualTo(stationKey.keyId());
    }

    @Test
    void aValidKeyPastItsTtlIsLookedUpAheadOfUnknownKeys() {
        ApiKeyAuthenticator authenticator = authenticator(false, 1);
        authenticator.authenticate("Bearer " + station.secret(), "10.0.0.5").block(Duration.ofSeconds(5));
        now.addAndGet(TTL.plusSeconds(1).toNanos());

        flood(authenticator, 100, "203.0.113.7");

        assertThat(authenticator.authenticate("Bearer " + station.secret(), "10.0.0.5").block(Duration.ofSeconds(2))
                .keyId()).isEqualTo(stationKey.keyId());
    }

    @Test
    void unknownKeysBeyondTheirLaneAreAnsweredServiceUnavailableAtOnce() {
        ApiKeyAuthenticator authenticator = authenticator(false, 1);
        flood(authenticator, 10, "203.0.113.7"); // one looked up, two queued: the lane is full, the rest refused

        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + ApiKeyLookupCacheTest.madeUpOldFormatKey(),
                "203.0.113.8").block(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(e.retryAfter()).isPositive();
                });
    }

    @Test
    void anAddressOutOfFailuresIsRefusedWithoutALookup() {
        databaseStuck.countDown(); // unknown keys answered at once here
        ApiKeyAuthenticator authenticator = authenticator(true, 3);
        authenticator.authenticate("Bearer " + station.secret(), "203.0.113.7").block(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticator.authenticate("Bearer " + ApiKeyLookupCacheTest.madeUpOldFormatKey(),
                    "203.0.113.7").block()).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        }
        int before = lookups.get();

        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + ApiKeyLookupCacheTest.madeUpOldFormatKey(),
                "203.0.113.7").block()).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
                    assertThat(e.retryAfter()).isPositive();
                });
        assertThat(lookups.get()).as("no lookup once the address is out of failures").isEqualTo(before);
        assertThat(authenticator.authenticate("Bearer " + station.secret(), "203.0.113.7").block())
                .as("a valid key from the same address still works").isNotNull();
        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + ApiKeyLookupCacheTest.madeUpOldFormatKey(),
                "198.51.100.1").block()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).as("another address").isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    @Test
    void badChecksumsCountAsFailures() {
        ApiKeyAuthenticator authenticator = authenticator(true, 2);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticator.authenticate("Bearer rl_made-up", "203.0.113.9").block())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        }

        assertThatThrownBy(() -> authenticator.authenticate("Bearer rl_made-up", "203.0.113.9").block())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS));
        assertThat(lookups).hasValue(0);
    }
}
