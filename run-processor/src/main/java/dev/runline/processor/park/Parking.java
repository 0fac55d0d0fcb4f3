package dev.runline.processor.park;

import dev.runline.processor.ProcessorProperties;
import dev.runline.processor.deadletter.DeadLetters;
import dev.runline.schemas.RunEventCodec;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.RunTopicCodec;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunAccepted;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** The listener's side of parking: which units have parked records, and parking more of them. */
@Component
public class Parking {

    /** Why a record that names no missing sub-unit waits. */
    public static final String BEHIND = "Waits behind an earlier parked record of its unit";

    private final Jdbi jdbi;
    private final ProcessorProperties properties;
    private final RunEventCodec runs = new RunEventCodec();
    private final RunTopicCodec topic = new RunTopicCodec();

    public Parking(Jdbi jdbi, ProcessorProperties properties) {
        this.jdbi = jdbi;
        this.properties = properties;
    }

    /** The unit keys among {@code keys} that have a parked record; one indexed query per polled batch. */
    public Set<String> parkedAmong(Collection<String> keys) {
        if (keys.isEmpty()) {
            return new HashSet<>();
        }
        String[] distinct = new HashSet<>(keys).toArray(String[]::new);
        return new HashSet<>(jdbi.withExtension(ParkingDao.class, dao -> dao.parkedKeys(distinct)));
    }

    /** Parks {@code records} in the caller's transaction, in order. */
    public void park(Handle handle, List<ParkedRecord> records) {
        if (!records.isEmpty()) {
            handle.attach(ParkingDao.class).park(records);
        }
    }

    /** Parks one record in a transaction of its own (an edit, which is applied in one of its own too). */
    public void park(ParkedRecord record) {
        jdbi.useTransaction(handle -> park(handle, List.of(record)));
    }

    /**
     * A run to park.
     *
     * @param missingSerial the sub-unit it misses, or null when it only waits behind an earlier record
     */
    public ParkedRecord run(ConsumerRecord<String, ?> record, RunAccepted run, String missingSerial) {
        return new ParkedRecord(run.getRunId(), ParkedRecord.RUN, run.getOrganizationId(), unitKey(record),
                runs.encode(run), record.topic(), record.partition(), record.offset(), record.timestamp(),
                DeadLetters.headersJson(record.headers()),
                missingSerial == null ? BEHIND : dev.runline.processor.MissingSubUnitException.message(missingSerial),
                missingSerial == null ? 0 : properties.subUnitRetryInterval().toMillis(),
                properties.subUnitWait().toMillis());
    }

    /** An edit to park behind its unit's parked records. */
    public ParkedRecord edit(ConsumerRecord<String, ?> record, EditRequested edit) {
        return new ParkedRecord(edit.getEditId(), ParkedRecord.EDIT, edit.getOrganizationId(), unitKey(record),
                topic.encode(edit), record.topic(), record.partition(), record.offset(), record.timestamp(),
                DeadLetters.headersJson(record.headers()), BEHIND, 0, properties.subUnitWait().toMillis());
    }

    /**
     * The unit a record belongs to: its key, as the gateway sets it. A record published without one (by hand)
     * is placed as the gateway would have keyed a run; a keyless edit is ordered with nothing.
     */
    public static String unitKey(ConsumerRecord<String, ?> record) {
        if (record.key() != null) {
            return record.key();
        }
        return switch (record.value()) {
            case RunAccepted run -> RunPartitionKey.of(run.getOrganizationId(), run.getRun().getSerialNumber());
            case EditRequested edit -> "edit/" + edit.getEditId();
            case null, default -> "offset/" + record.topic() + "/" + record.partition() + "/" + record.offset();
        };
    }
}
