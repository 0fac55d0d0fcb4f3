package dev.runline.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.ratelimit.KeyRateLimiter;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves {@code Authorization: Bearer <key>} to a {@link Caller}. Lookups, found or not, are cached
 * for {@code runline.gateway.reference-cache-ttl}: that is the bound on how long a revoked key keeps
 * working, and it keeps the database out of the steady-state request path. Unknown keys are cached too, so
 * a station retrying with a stale key costs one query per TTL, not one per request.
 * <p>
 * Every authenticated route comes through here, so this is also where the per-key rate limit applies
 * (429 with Retry-After): after the key is known to be valid, so that only real keys get a bucket.
 */
@Component
public class ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
    private static final String BEARER = "Bearer ";

    private final ApiKeyDao keys;
    private final Clock clock;
    private final KeyRateLimiter rateLimiter;
    private final Cache<String, Optional<StoredApiKey>> cache;

    public ApiKeyAuthenticator(Jdbi jdbi, GatewayProperties properties, Clock clock, KeyRateLimiter rateLimiter) {
        this.keys = jdbi.onDemand(ApiKeyDao.class);
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.referenceCacheTtl())
                .maximumSize(properties.referenceCacheSize())
                .build();
    }

    /**
     * Drops every cached lookup, so that a key revoked or a role changed through this instance takes effect
     * here at once (other instances: within the cache TTL). Admin changes are rare; the cost is one lookup
     * per active key afterwards.
     */
    public void forgetCachedKeys() {
        cache.invalidateAll();
    }

    public Mono<Caller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(unauthorized("Missing API key: send Authorization: Bearer <key>"));
        }
        String secret = authorization.substring(BEARER.length()).strip();
        if (secret.isEmpty()) {
            return Mono.error(unauthorized("Missing API key: send Authorization: Bearer <key>"));
        }
        byte[] sha256 = ApiKeySecrets.sha256(secret);
        String cacheKey = HexFormat.of().formatHex(sha256);
        Optional<StoredApiKey> cached = cache.getIfPresent(cacheKey);
        Mono<Optional<StoredApiKey>> stored = cached != null
                ? Mono.just(cached)
                : Mono.fromCallable(() -> cache.get(cacheKey, ignored -> keys.findBySha256(sha256)))
                        .subscribeOn(Schedulers.boundedElastic());
        return stored.flatMap(key -> key.filter(k -> k.usableAt(clock.instant()))
                .map(k -> Mono.just(new Caller(k.organizationId(), k.keyId(), k.userId(), k.stationId(), k.role())))
                .orElseGet(() -> Mono.error(unauthorized("Unknown, expired or revoked API key"))))
                .flatMap(this::withinRateLimit);
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

    /** Lookups held now, found or not, after dropping expired ones: lets tests check the cache stays bounded. */
    long cachedLookups() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }
}
