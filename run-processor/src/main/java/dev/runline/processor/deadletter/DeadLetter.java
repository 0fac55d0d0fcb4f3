package dev.runline.processor.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * One dead letter as recorded in PostgreSQL: where it is, where it came from, why it failed, and the
 * original record (key, value bytes, headers as JSON) needed to replay it.
 */
public record DeadLetter(
        UUID id,
        String topic,
        int partition,
        long offset,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        Instant originalTimestamp,
        UUID runId,
        UUID organizationId,
        UUID procedureId,
        String errorCode,
        String errorMessage,
        String stage,
        String exceptionClass,
        int attempts,
        String recordKey,
        byte[] recordValue,
        String recordHeadersJson,
        Instant deadLetteredAt,
        String state,
        Instant stateChangedAt) {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";
    public static final String DISCARDED = "discarded";
}
