package dev.runline.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.ratelimit.FailedAuthenticationLimiter;
import dev.runline.gateway.ratelimit.KeyRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves {@code Authorization: Bearer <key>} to a {@link Caller}, in an order that makes a stranger's key
 * cost a station nothing (issue #14 item 5):
 * <ol>
 * <li>the key's shape and checksum ({@link ApiKeySecrets#formatOf}): a made-up key is refused here, no lookup;
 * <li>keys found valid within {@code runline.gateway.reference-cache-ttl}: answered from memory, no queue;
 * <li>keys found unknown within that TTL: refused from their own bounded cache, so that many unknown keys
 *     cannot push the valid ones out of theirs;
 * <li>a client address out of failed authentications ({@link FailedAuthenticationLimiter}): 429, no lookup;
 * <li>otherwise one lookup: on the stations' lane for a key found valid before (its TTL ran out), on a small
 *     bounded lane of its own for a key never seen valid, which answers 503 when full rather than queue.
 * </ol>
 * The TTL is the bound on how long a revoked key keeps working. Every authenticated route comes through here,
 * so this is also where the per-key rate limit applies (429 with Retry-After): after the key is known to be
 * valid, so that only real keys get a bucket.
 */
@Component
public class ApiKeyAuthenticator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
    private static final String BEARER = "Bearer ";
    private static final String UNKNOWN_KEY = "Unknown, expired or revoked API key";
    /** A full lane is a burst of strangers, over in about one lookup's time. */
    private static final Duration LANE_FULL_RETRY_AFTER = Duration.ofSeconds(1);

    /** The blocking lookup of a key by the SHA-256 of its secret. */
    @FunctionalInterface
    interface Lookup {
        Optional<StoredApiKey> find(byte[] sha256);
    }

    /** A key found valid, and when ({@link Ticker} nanos). */
    private record Known(StoredApiKey key, long loadedAt) {}

    private final Lookup lookup;
    private final Clock clock;
    private final Ticker ticker;
    private final KeyRateLimiter rateLimiter;
    private final FailedAuthenticationLimiter failures;
    private final boolean acceptUnchecksummed;
    private final long ttlNanos;
    private final Cache<String, Known> valid;
    private final Cache<String, Boolean> unknown;
    private final Scheduler unknownKeyLane;
    /** Keys loaded at or before this are stale: see {@link #forgetCachedKeys()}. */
    private volatile long forgottenAt = Long.MIN_VALUE;

    @Autowired
    public ApiKeyAuthenticator(Jdbi jdbi, GatewayProperties properties, AuthProperties auth, Clock clock,
            KeyRateLimiter rateLimiter) {
        this(jdbi.onDemand(ApiKeyDao.class)::findBySha256, properties, auth, clock, rateLimiter, Ticker.systemTicker());
    }

    /** With the default {@link AuthProperties}: for tools that build one outside Spring (the benchmark). */
    public ApiKeyAuthenticator(Jdbi jdbi, GatewayProperties properties, Clock clock, KeyRateLimiter rateLimiter) {
        this(jdbi, properties, AuthProperties.defaults(), clock, rateLimiter);
    }

    ApiKeyAuthenticator(Lookup lookup, GatewayProperties properties, AuthProperties auth, Clock clock,
            KeyRateLimiter rateLimiter, Ticker ticker) {
        this.lookup = lookup;
        this.clock = clock;
        this.ticker = ticker;
        this.rateLimiter = rateLimiter;
        this.failures = new FailedAuthenticationLimiter(auth.failureLimitEnabled(), auth.failuresPerSecond(),
                auth.failureBurst(), auth.maxAddresses(), ticker);
        this.acceptUnchecksummed = auth.acceptUnchecksummedKeys();
        this.ttlNanos = properties.referenceCacheTtl().toNanos();
        this.valid = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(auth.knownKeyMemory().compareTo(properties.referenceCacheTtl()) > 0
                        ? auth.knownKeyMemory() : properties.referenceCacheTtl())
                .maximumSize(properties.referenceCacheSize())
                .build();
        this.unknown = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(properties.referenceCacheTtl())
                .maximumSize(auth.unknownKeyCacheSize())
                .build();
        this.unknownKeyLane = Schedulers.newBoundedElastic(auth.unknownKeyLookupThreads(), auth.unknownKeyLookupQueue(),
                "unknown-key-lookup", 60, true);
    }

    /**
     * Makes every cached key stale, so that a key revoked or a role changed through this instance takes effect
     * here at once (other instances: within the cache TTL). The keys are still remembered as once valid, so
     * their next lookups stay on the stations' lane. Admin changes are rare; the cost is one lookup per
     * active key afterwards.
     */
    public void forgetCachedKeys() {
        forgottenAt = ticker.read();
        unknown.invalidateAll();
    }

    /** For the routes: the client address comes from the request's context ({@link ClientAddress}). */
    public Mono<Caller> authenticate(String authorization) {
        return Mono.deferContextual(context ->
                authenticate(authorization, context.getOrDefault(ClientAddress.CONTEXT_KEY, ClientAddress.UNKNOWN)));
    }

    public Mono<Caller> authenticate(String authorization, String clientAddress) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(unauthorized("Missing API key: send Authorization: Bearer <key>"));
        }
        String secret = authorization.substring(BEARER.length()).strip();
        if (secret.isEmpty()) {
            return Mono.error(unauthorized("Missing API key: send Authorization: Bearer <key>"));
        }
        ApiKeySecrets.Format format = ApiKeySecrets.formatOf(secret);
        if (format == ApiKeySecrets.Format.MALFORMED
                || format == ApiKeySecrets.Format.UNCHECKSUMMED && !acceptUnchecksummed) {
            return failed(clientAddress, format == ApiKeySecrets.Format.MALFORMED
                    ? "Malformed API key: not a Runline key, or mistyped (its checksum does not match)"
                    : "API key of the old format (without checksum), no longer accepted here: create a new key");
        }
        byte[] sha256 = ApiKeySecrets.sha256(secret);
        String hash = HexFormat.of().formatHex(sha256);
        Known known = valid.getIfPresent(hash);
        if (known != null && fresh(known)) {
            return usable(known.key(), clientAddress);
        }
        if (known == null) {
            if (unknown.getIfPresent(hash) != null) {
                return failed(clientAddress, UNKNOWN_KEY);
            }
            FailedAuthenticationLimiter.Decision decision = failures.check(clientAddress);
            if (!decision.allowed()) {
                return Mono.error(tooManyFailures(decision));
            }
        }
        return Mono.fromCallable(() -> lookup.find(sha256))
                .subscribeOn(known != null ? Schedulers.boundedElastic() : unknownKeyLane)
                .onErrorMap(RejectedExecutionException.class, e -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "Too many lookups of unknown API keys at once; retry shortly", List.of(), LANE_FULL_RETRY_AFTER))
                .flatMap(found -> {
                    if (found.isPresent() && found.get().usableAt(clock.instant())) {
                        valid.put(hash, new Known(found.get(), ticker.read()));
                        return usable(found.get(), clientAddress);
                    }
                    valid.invalidate(hash);
                    unknown.put(hash, Boolean.TRUE);
                    return failed(clientAddress, UNKNOWN_KEY);
                });
    }

    private boolean fresh(Known known) {
        return ticker.read() - known.loadedAt() < ttlNanos && known.loadedAt() > forgottenAt;
    }

    private Mono<Caller> usable(StoredApiKey k, String clientAddress) {
        if (!k.usableAt(clock.instant())) {
            return failed(clientAddress, UNKNOWN_KEY);
        }
        return withinRateLimit(new Caller(k.organizationId(), k.keyId(), k.userId(), k.stationId(), k.role()));
    }

    /** 401, or 429 once the address has failed too often: either way no lookup happened or will. */
    private Mono<Caller> failed(String clientAddress, String message) {
        FailedAuthenticationLimiter.Decision decision = failures.fail(clientAddress);
        return Mono.error(decision.allowed() ? unauthorized(message) : tooManyFailures(decision));
    }

    private ApiException tooManyFailures(FailedAuthenticationLimiter.Decision decision) {
        return new ApiException(ErrorCode.TOO_MANY_REQUESTS,
                "Too many failed authentications from this address: the limit is " + failures.describe()
                        + ". Retry after " + decision.retryAfter().toSeconds() + " s.",
                List.of(), decision.retryAfter());
    }

    private Mono<Caller> withinRateLimit(Caller caller) {
        KeyRateLimiter.Decision decision = rateLimiter.acquire(caller.keyId());
        if (decision.accepted()) {
            return Mono.just(caller);
        }
        if (decision.refusalsToReport() > 0) {
            log.warn("event=rate_limited key_id={} organization_id={} refused={} limit=\"{}\"",
                    caller.keyId(), caller.organizationId(), decision.refusalsToReport(), rateLimiter.describe());
        }
        return Mono.error(new ApiException(ErrorCode.TOO_MANY_REQUESTS,
                "Too many requests with this API key: the limit is " + rateLimiter.describe()
                        + ". Retry after " + decision.retryAfter().toSeconds() + " s.",
                List.of(), decision.retryAfter()));
    }

    /** Lookups held now, valid and unknown, after dropping expired ones: lets tests check the caches stay bounded. */
    long cachedLookups() {
        return cachedValidKeys() + cachedUnknownKeys();
    }

    long cachedValidKeys() {
        valid.cleanUp();
        return valid.estimatedSize();
    }

    long cachedUnknownKeys() {
        unknown.cleanUp();
        return unknown.estimatedSize();
    }

    @Override
    public void destroy() {
        unknownKeyLane.dispose();
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }
}
