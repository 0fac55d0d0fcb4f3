package dev.runline.gateway.auth;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway keeps clients with bad keys from costing the good ones anything (issue #14 item 5).
 *
 * @param acceptUnchecksummedKeys  keys minted before the checksum (46 characters) still work; set false once
 *                                every such key is rotated, and every made-up key is then refused unseen
 * @param failureLimitEnabled     false: failed authentications are never answered 429
 * @param failuresPerSecond       sustained failed authentications per client address: a station retrying with a
 *                                revoked key every 2 s stays under it, a key scanner does not
 * @param failureBurst            failures an address may have at once: a few mistyped keys at set-up are no attack
 * @param maxAddresses            addresses tracked at once, so that a flood from many addresses cannot grow memory
 * @param trustedProxies          remote addresses (exact IPs) whose X-Forwarded-For is believed; empty: the header
 *                                is ignored, since any client can write it
 * @param unknownKeyLookupThreads lookups of keys never seen valid at once: a fraction of the connection pool, so
 *                                that a flood of them leaves the rest to the stations
 * @param unknownKeyLookupQueue   such lookups waiting; past it, 503 at once rather than a growing queue
 * @param unknownKeyCacheSize     keys found unknown kept (for the reference cache TTL), apart from the valid ones
 *                                so that many unknown keys cannot push a valid one out
 * @param knownKeyMemory          how long a key once found valid is remembered as such: its lookup after the cache
 *                                TTL goes on the stations' lane, not behind the unknown keys
 */
@Validated
@ConfigurationProperties("runline.gateway.auth")
public record AuthProperties(
        @DefaultValue("true") boolean acceptUnchecksummedKeys,
        @DefaultValue("true") boolean failureLimitEnabled,
        @DefaultValue("1") @Positive double failuresPerSecond,
        @DefaultValue("30") @Positive long failureBurst,
        @DefaultValue("100000") @Positive long maxAddresses,
        @DefaultValue("") List<String> trustedProxies,
        @DefaultValue("1") @Positive int unknownKeyLookupThreads,
        @DefaultValue("100") @Positive int unknownKeyLookupQueue,
        @DefaultValue("10000") @Positive long unknownKeyCacheSize,
        @DefaultValue("1h") Duration knownKeyMemory) {

    /** The defaults, for code that builds an authenticator outside Spring (tests, the benchmark). */
    public static AuthProperties defaults() {
        return new AuthProperties(true, true, 1, 30, 100_000, List.of(), 1, 100, 10_000, Duration.ofHours(1));
    }
}
