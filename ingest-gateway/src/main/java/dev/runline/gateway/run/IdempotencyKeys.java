package dev.runline.gateway.run;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Gives each Idempotency-Key one run id per organization. The run is (re)published under that id on
 * every retry with the same body: if the first attempt never reached the broker (503, crash), the retry
 * delivers it; if it did, the processor skips the duplicate by run id. A different body with a used key
 * is a conflict.
 */
@Component
public class IdempotencyKeys {

    static final int KEY_MAX = 255;

    private final IdempotencyKeyDao dao;

    public IdempotencyKeys(Jdbi jdbi) {
        this.dao = jdbi.onDemand(IdempotencyKeyDao.class);
    }

    /**
     * The run id this request stands for: a new one, or the one its key was first used for. The body is
     * hashed only when a key was sent: most stations send none, and SHA-256 of every body is measurable.
     */
    public Mono<UUID> runIdFor(UUID organizationId, String key, String apiVersion, byte[] body) {
        if (key == null) {
            return Mono.just(RunIds.next());
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            return Mono.error(new ApiException(ErrorCode.BAD_REQUEST, "Idempotency-Key must not contain control characters",
                    List.of(new Issue(List.of("Idempotency-Key"), "must not contain control characters")), null));
        }
        if (key.isBlank() || key.length() > KEY_MAX) {
            return Mono.error(new ApiException(ErrorCode.BAD_REQUEST, "Idempotency-Key must be 1 to " + KEY_MAX + " characters",
                    List.of(new Issue(List.of("Idempotency-Key"), "must be 1 to " + KEY_MAX + " characters")), null));
        }
        // JDBC blocks: keep it off the event loop.
        return Mono.fromCallable(() -> reserveOrFind(organizationId, key, requestSha256(apiVersion, body)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private UUID reserveOrFind(UUID organizationId, String key, byte[] requestSha256) {
        UUID candidate = RunIds.next();
        if (dao.reserve(organizationId, key, requestSha256, candidate) == 1) {
            return candidate;
        }
        IdempotencyKeyDao.Reservation reservation = dao.find(organizationId, key)
                .orElseThrow(() -> new IllegalStateException("Idempotency-Key reserved but not found: " + key));
        if (!Arrays.equals(reservation.requestSha256(), requestSha256)) {
            throw new ApiException(ErrorCode.CONFLICT,
                    "Idempotency-Key " + key + " was already used with a different request body");
        }
        return reservation.runId();
    }

    /** What identifies a request for its key: the API version and the body bytes as sent. */
    private static byte[] requestSha256(String apiVersion, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(apiVersion.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
