package dev.runline.processor.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * Which dead letters to list, replay or discard; a null field does not filter.
 *
 * @param state          open, replayed or discarded
 * @param code           the contract's error code (NOT_FOUND, BAD_REQUEST, ...)
 * @param since          dead-lettered at or after
 * @param until          dead-lettered before
 * @param limit          at most this many, oldest first
 */
public record DeadLetterFilter(String state, String code, UUID organizationId, UUID procedureId, UUID runId,
        Instant since, Instant until, int limit) {

    public static DeadLetterFilter open() {
        return new DeadLetterFilter(DeadLetter.OPEN, null, null, null, null, null, null, Integer.MAX_VALUE);
    }
}
