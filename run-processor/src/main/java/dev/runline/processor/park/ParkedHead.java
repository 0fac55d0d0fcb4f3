package dev.runline.processor.park;

import java.time.Instant;
import java.util.UUID;

/**
 * The oldest parked record of a unit, locked for re-checking.
 *
 * @param expired whether its deadline has passed (by the database's clock, which every instance shares)
 */
public record ParkedHead(UUID id, String kind, String unitKey, byte[] payload, String topic, int partition,
        long offset, long recordTimestamp, String recordHeadersJson, Instant parkedAt, boolean expired) {}
