package dev.runline.processor.park;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Records of the runs topic that wait for a sub-unit, and the records of their units parked behind them. */
@RegisterConstructorMapper(ParkedHead.class)
public interface ParkingDao {

    /** The unit keys among {@code keys} that have a parked record: what comes next of them parks behind it. */
    @SqlQuery("SELECT DISTINCT unit_key FROM parked_records WHERE unit_key = ANY(:keys)")
    List<String> parkedKeys(String[] keys);

    /**
     * Parks records in the order given: {@code seq} is drawn row by row, so it keeps the batch's order. A
     * redelivered record is already there and keeps its place ({@code ON CONFLICT DO NOTHING}). Times come from
     * the database's clock, as does every later comparison, so instances with skewed clocks agree.
     */
    @SqlBatch("""
            INSERT INTO parked_records (id, kind, organization_id, unit_key, payload, topic, partition, "offset",
                                        record_timestamp, record_headers, reason, check_after, deadline)
            VALUES (:id, :kind, :organizationId, :unitKey, :payload, :topic, :partition, :offset, :recordTimestamp,
                    CAST(:recordHeadersJson AS jsonb), :reason, now() + :checkDelayMillis * interval '1 millisecond',
                    now() + :waitMillis * interval '1 millisecond')
            ON CONFLICT (id) DO NOTHING
            """)
    void park(@BindMethods List<ParkedRecord> records);

    /**
     * Locks the oldest due record that is first of its unit. {@code SKIP LOCKED} lets several processor
     * instances share the re-checks: a unit whose first record one of them holds is passed over by the others,
     * and what is behind it is not first until that record is gone (committed).
     */
    @SqlQuery("""
            SELECT id, kind, unit_key, payload, topic, partition, "offset", record_timestamp,
                   record_headers::text AS record_headers_json, parked_at, deadline <= now() AS expired
            FROM parked_records p
            WHERE check_after <= now()
              AND NOT EXISTS (SELECT 1 FROM parked_records e WHERE e.unit_key = p.unit_key AND e.seq < p.seq)
            ORDER BY seq
            LIMIT 1
            FOR UPDATE OF p SKIP LOCKED
            """)
    Optional<ParkedHead> lockDueHead();

    /** The record was stored, applied or dead-lettered. */
    @SqlUpdate("DELETE FROM parked_records WHERE id = :id")
    int release(UUID id);

    @SqlUpdate("""
            UPDATE parked_records SET check_after = now() + :delayMillis * interval '1 millisecond', reason = :reason
            WHERE id = :id
            """)
    int postpone(UUID id, long delayMillis, String reason);
}
