package dev.runline.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyRateLimiterTest {

    private final ManualTicker time = new ManualTicker();
    private final UUID key = UUID.randomUUID();

    private KeyRateLimiter limiter(double requestsPerSecond, long burst) {
        return new KeyRateLimiter(new RateLimitProperties(true, requestsPerSecond, burst, 1000), time);
    }

    @Test
    void aKeyMaySendItsBurstAtOnceAndIsRefusedAfterIt() {
        KeyRateLimiter limiter = limiter(10, 5);

        assertThat(IntStream.range(0, 5).mapToObj(i -> limiter.acquire(key).accepted())).containsOnly(true);
        assertThat(limiter.acquire(key).accepted()).isFalse();
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        KeyRateLimiter limiter = limiter(10, 5);
        IntStream.range(0, 5).forEach(i -> limiter.acquire(key));

        time.advance(Duration.ofMillis(99));
        assertThat(limiter.acquire(key).accepted()).isFalse();
        time.advance(Duration.ofMillis(1));
        assertThat(limiter.acquire(key).accepted()).isTrue();
        assertThat(limiter.acquire(key).accepted()).isFalse();
    }

    @Test
    void anIdleKeyGetsNoMoreThanItsBurst() {
        KeyRateLimiter limiter = limiter(10, 5);
        limiter.acquire(key);

        time.advance(Duration.ofHours(1));

        long accepted = IntStream.range(0, 20).filter(i -> limiter.acquire(key).accepted()).count();
        assertThat(accepted).isEqualTo(5);
    }

    @Test
    void retryAfterIsTheWaitForTheNextTokenRoundedUpToWholeSeconds() {
        KeyRateLimiter limiter = limiter(0.1, 2);
        limiter.acquire(key);
        limiter.acquire(key);
        time.advance(Duration.ofMillis(2500));

        KeyRateLimiter.Decision refused = limiter.acquire(key);

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(8)); // 7.5 s left, rounded up
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        KeyRateLimiter limiter = limiter(1000, 1);
        limiter.acquire(key);

        assertThat(limiter.acquire(key).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        KeyRateLimiter limiter = limiter(1, 2);
        IntStream.range(0, 3).forEach(i -> limiter.acquire(key));

        assertThat(limiter.acquire(UUID.randomUUID()).accepted()).isTrue();
        assertThat(limiter.acquire(key).accepted()).isFalse();
    }

    @Test
    void aDisabledLimiterAcceptsEverythingAndTracksNothing() {
        KeyRateLimiter limiter = new KeyRateLimiter(new RateLimitProperties(false, 1, 1, 1000), time);

        assertThat(IntStream.range(0, 100).mapToObj(i -> limiter.acquire(key).accepted())).containsOnly(true);
        assertThat(limiter.trackedKeys()).isZero();
    }

    @Test
    void refusalsAreReportedOncePerIntervalWithTheirCount() {
        KeyRateLimiter limiter = limiter(0.001, 1);
        limiter.acquire(key);

        assertThat(limiter.acquire(key).refusalsToReport()).as("the first refusal").isEqualTo(1);
        assertThat(IntStream.range(0, 5).mapToLong(i -> limiter.acquire(key).refusalsToReport())).containsOnly(0L);
        time.advance(KeyRateLimiter.REPORT_INTERVAL);
        assertThat(limiter.acquire(key).refusalsToReport()).as("five held back and this one").isEqualTo(6);
    }

    @Test
    void idleKeysAreForgottenOnceTheirBucketWouldBeFull() {
        // 100 requests at 1/s: full again after 100 s of idleness
        KeyRateLimiter limiter = limiter(1, 100);
        limiter.acquire(key);
        limiter.acquire(UUID.randomUUID());

        time.advance(Duration.ofSeconds(99));
        limiter.acquire(key);
        assertThat(limiter.trackedKeys()).isEqualTo(2);

        time.advance(Duration.ofSeconds(1));
        assertThat(limiter.trackedKeys()).as("the other key, idle for 100 s").isEqualTo(1);
        time.advance(Duration.ofSeconds(100));
        assertThat(limiter.trackedKeys()).isZero();
    }

    @Test
    void theNumberOfTrackedKeysIsBounded() {
        KeyRateLimiter limiter = new KeyRateLimiter(new RateLimitProperties(true, 10, 10, 50), time);

        IntStream.range(0, 1000).forEach(i -> limiter.acquire(UUID.randomUUID()));

        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(50);
    }

    @Test
    void aRateAndBurstWhoseRefillTimeCannotBeRepresentedAreRefused() {
        assertThatThrownBy(() -> limiter(1e-12, 1_000_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runline.gateway.rate-limit");
    }

    @Test
    void theLimitIsDescribedAsConfigured() {
        assertThat(limiter(300, 3000).describe())
                .isEqualTo("300 requests per second per API key (burst 3000) on each gateway instance");
        assertThat(limiter(0.5, 2).describe()).startsWith("0.5 requests per second");
    }

    private static final class ManualTicker implements Ticker {

        private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }
    }
}
