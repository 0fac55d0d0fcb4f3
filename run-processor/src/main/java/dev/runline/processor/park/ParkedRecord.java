package dev.runline.processor.park;

import java.util.UUID;

/**
 * A record of the runs topic to park, as written to {@code parked_records}.
 *
 * @param id               the run id or edit id: a redelivered record parks once
 * @param kind             {@code run} or {@code edit}
 * @param unitKey          the Kafka record key: the unit whose records are released in order
 * @param payload          the record's value as Avro single-object bytes
 * @param checkDelayMillis until the record is first re-checked (0 for a record that waits only behind another)
 * @param waitMillis       until a run whose sub-unit is still missing is dead-lettered
 */
public record ParkedRecord(UUID id, String kind, UUID organizationId, String unitKey, byte[] payload, String topic,
        int partition, long offset, long recordTimestamp, String recordHeadersJson, String reason,
        long checkDelayMillis, long waitMillis) {

    public static final String RUN = "run";
    public static final String EDIT = "edit";
}
