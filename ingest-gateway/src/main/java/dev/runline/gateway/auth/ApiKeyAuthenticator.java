package dev.runline.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves {@code Authorization: Bearer <key>} to a {@link Caller}. Lookups, found or not, are cached
 * for {@code runline.gateway.reference-cache-ttl}: that is the bound on how long a revoked key keeps
 * working, and it keeps the database out of the steady-state request path.
 */
@Component
public class ApiKeyAuthenticator {

    private static final String BEARER = "Bearer ";

    private final ApiKeyDao keys;
    private final Clock clock;
    private final Cache<String, Optional<StoredApiKey>> cache;

    public ApiKeyAuthenticator(Jdbi jdbi, GatewayProperties properties, Clock clock) {
        this.keys = jdbi.onDemand(ApiKeyDao.class);
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.referenceCacheTtl())
                .maximumSize(properties.referenceCacheSize())
                .build();
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
                .orElseGet(() -> Mono.error(unauthorized("Unknown, expired or revoked API key"))));
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }
}
