package dev.runline.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;

/**
 * Failed authentications per client address: a token bucket per address, one token per failure (bad
 * checksum, unknown, expired or revoked key). While an address has no token left, its unknown keys are
 * answered 429 without a lookup; keys already found valid are not affected, so a station behind the same NAT
 * as a key scanner keeps working.
 * <p>
 * Memory stays bounded as in {@link KeyRateLimiter}: at most {@code maxAddresses} buckets, each dropped once
 * idle until full again. Evicting a bucket under a flood from many addresses only forgets that address's
 * failures; every address is still bounded by its own bucket while it is held.
 */
public final class FailedAuthenticationLimiter {

    private static final Duration MIN_IDLE = Duration.ofMinutes(1);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** @param retryAfter null when allowed; otherwise whole seconds, rounded up, at least 1 */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, null);
    }

    private final boolean enabled;
    private final double failuresPerSecond;
    private final long burst;
    private final Duration refillTime;
    private final KeyRateLimiter.TickerTimeMeter timeMeter;
    private final Cache<String, Bucket> buckets;

    public FailedAuthenticationLimiter(boolean enabled, double failuresPerSecond, long burst, long maxAddresses,
            Ticker ticker) {
        this.enabled = enabled;
        this.failuresPerSecond = failuresPerSecond;
        this.burst = burst;
        this.refillTime = Duration.ofNanos(Math.round(burst * (NANOS_PER_SECOND / failuresPerSecond)));
        this.timeMeter = new KeyRateLimiter.TickerTimeMeter(ticker);
        this.buckets = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess(refillTime.compareTo(MIN_IDLE) > 0 ? refillTime : MIN_IDLE)
                .maximumSize(maxAddresses)
                .build();
    }

    /** Whether {@code address} may still fail now; consumes nothing (asked before an unknown key's lookup). */
    public Decision check(String address) {
        if (!enabled) {
            return Decision.ALLOWED;
        }
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null) {
            return Decision.ALLOWED;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Decision.ALLOWED : refused(probe.getNanosToWaitForRefill());
    }

    /** Counts one failure of {@code address}: allowed (answer 401) while its bucket had a token, else 429. */
    public Decision fail(String address) {
        if (!enabled) {
            return Decision.ALLOWED;
        }
        ConsumptionProbe probe = buckets.get(address, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.ALLOWED : refused(probe.getNanosToWaitForRefill());
    }

    /** The limit in words, for the 429's message. */
    public String describe() {
        return java.math.BigDecimal.valueOf(failuresPerSecond).stripTrailingZeros().toPlainString()
                + " failed authentications per second per client address (burst " + burst + ")";
    }

    /** Addresses tracked now, after dropping the idle ones. */
    long trackedAddresses() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(burst, refillTime))
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    private static Decision refused(long nanos) {
        return new Decision(false, Duration.ofSeconds(Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND)));
    }
}
