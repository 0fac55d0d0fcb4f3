package dev.runline.gateway.ratelimit;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The per-API-key rate limit: a token bucket per key, {@code burst} deep, refilled continuously at
 * {@code requestsPerSecond}. Buckets live in each gateway's memory, so with N gateway instances behind a
 * load balancer a key may get up to N times the limit; the limit is there to stop one runaway client (a
 * retry loop without back-off, a script without a pause) from taking an instance, not to meter usage.
 * <p>
 * The defaults never throttle a normal line. A line sharing one key across 50 stations that each post a run
 * every 2 s sends 25 runs/s; with a status read per run and retries that is well under 100 requests/s, so
 * 300/s leaves three times that as headroom. The burst of 3000 (10 s at the full rate) covers a whole line
 * flushing what it queued during a network outage at once, e.g. 100 stations with 30 runs each.
 *
 * @param enabled           false: no key is ever refused for its rate
 * @param requestsPerSecond sustained rate per key and gateway instance; fractions allowed (0.5 = one every 2 s)
 * @param burst             requests a key may send at once after being idle (the bucket's size)
 * @param maxKeys           keys tracked at once; a key idle until its bucket is full again is forgotten anyway
 */
@Validated
@ConfigurationProperties("runline.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("300") @Positive double requestsPerSecond,
        @DefaultValue("3000") @Positive long burst,
        @DefaultValue("100000") @Positive long maxKeys) {}
