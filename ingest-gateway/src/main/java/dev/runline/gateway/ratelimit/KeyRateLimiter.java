package dev.runline.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a key may make one more request now, and if not, how long it should wait. One token bucket per
 * key, in this instance's memory (see {@link RateLimitProperties} for what that means with several
 * instances). Time comes from a {@link Ticker}, so tests move it by hand.
 * <p>
 * Memory stays bounded: a key's bucket is dropped once the key has been idle long enough for the bucket to
 * be full again, when forgetting it changes nothing, and at most {@code maxKeys} buckets are kept. Only a
 * key that already passed authentication gets a bucket, so unknown keys cannot grow the map.
 */
public final class KeyRateLimiter {

    /** A client that ignores 429s is reported once per key per interval, with the count, not once per request. */
    static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

    /** Keeps a bucket through short pauses even when it refills in milliseconds (a high rate, a small burst). */
    private static final Duration MIN_IDLE = Duration.ofMinutes(1);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * @param retryAfter       null when accepted; otherwise whole seconds, rounded up, at least 1
     * @param refusalsToReport when refused: 0, or the refusals of this key since it was last reported, which
     *                         the caller should log now (at most once per key per {@link #REPORT_INTERVAL})
     */
    public record Decision(boolean accepted, Duration retryAfter, long refusalsToReport) {
        static final Decision ACCEPTED = new Decision(true, null, 0);
    }

    private final RateLimitProperties properties;
    private final Ticker ticker;
    private final TimeMeter timeMeter;
    private final Duration refillTime;
    private final Cache<UUID, KeyState> buckets;

    public KeyRateLimiter(RateLimitProperties properties, Ticker ticker) {
        this.properties = properties;
        this.ticker = ticker;
        this.timeMeter = new TickerTimeMeter(ticker);
        this.refillTime = refillTime(properties);
        this.buckets = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess(refillTime.compareTo(MIN_IDLE) > 0 ? refillTime : MIN_IDLE)
                .maximumSize(properties.maxKeys())
                .build();
    }

    public Decision acquire(UUID keyId) {
        if (!properties.enabled()) {
            return Decision.ACCEPTED;
        }
        KeyState state = buckets.get(keyId, ignored -> new KeyState(newBucket(), ticker.read()));
        ConsumptionProbe probe = state.bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.ACCEPTED;
        }
        return new Decision(false, wholeSecondsUp(probe.getNanosToWaitForRefill()), state.refused(ticker.read()));
    }

    /** The limit in words, for the 429's message and the log. */
    public String describe() {
        String rate = BigDecimal.valueOf(properties.requestsPerSecond()).stripTrailingZeros().toPlainString();
        return rate + " requests per second per API key (burst " + properties.burst() + ") on each gateway instance";
    }

    /** Buckets held now, after dropping the idle ones. */
    long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        // Refilling the whole burst over refillTime is the configured rate, spread evenly (greedy refill adds
        // fractions of a token as time passes, so there is no "next second" for clients to pile onto).
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.burst()).refillGreedy(properties.burst(), refillTime))
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    /** How long an empty bucket takes to fill: burst / rate. */
    private static Duration refillTime(RateLimitProperties properties) {
        double nanos = properties.burst() * (NANOS_PER_SECOND / properties.requestsPerSecond());
        if (nanos < 1 || nanos > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("runline.gateway.rate-limit: a burst of " + properties.burst()
                    + " at " + properties.requestsPerSecond() + " requests per second is out of range");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** Retry-After is sent in whole seconds: rounding down would invite a retry that is refused again. */
    private static Duration wholeSecondsUp(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
    }

    private static final class KeyState {

        private final Bucket bucket;
        private final AtomicLong refusedSinceReport = new AtomicLong();
        private final AtomicLong lastReport;

        KeyState(Bucket bucket, long now) {
            this.bucket = bucket;
            // A full interval back, so that the first refusal is reported at once.
            this.lastReport = new AtomicLong(now - REPORT_INTERVAL.toNanos());
        }

        long refused(long now) {
            long refused = refusedSinceReport.incrementAndGet();
            long last = lastReport.get();
            if (now - last >= REPORT_INTERVAL.toNanos() && lastReport.compareAndSet(last, now)) {
                refusedSinceReport.addAndGet(-refused);
                return refused;
            }
            return 0;
        }
    }

    /** Bucket4j reads the same time source as the cache's expiry. */
    record TickerTimeMeter(Ticker ticker) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return ticker.read();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
