package dev.runline.processor.persist;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.BatchChunkSize;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * Writes runs and their sub-unit links as JDBC batches (rewritten into multi-row inserts by the driver); phases,
 * measurements and logs go in with COPY ({@link RowCopier}).
 */
public interface RunDao {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver memory. */
    int CHUNK = 1000;

    /**
     * Inserts the runs not stored yet and returns their ids: a redelivered event (rebalance, crash before
     * the offset commit) hits the primary key and is skipped with everything it contains.
     */
    @SqlBatch("""
            INSERT INTO runs (id, organization_id, procedure_id, procedure_version_id, unit_id, outcome,
                              started_at, ended_at, operator_user_id, api_key_id, station_id, docstring, metadata,
                              api_version, client, client_version, idempotency_key, received_at)
            VALUES (:id, :organizationId, :procedureId, CAST(:procedureVersionId AS uuid), :unitId, :outcome,
                    :startedAt, :endedAt, CAST(:operatorUserId AS uuid), :apiKeyId, CAST(:stationId AS uuid), :docstring, CAST(:metadataJson AS jsonb),
                    :apiVersion, :client, :clientVersion, :idempotencyKey, :receivedAt)
            ON CONFLICT (id) DO NOTHING
            """)
    // Nullable uuids are cast: a null bound without a value has no type PostgreSQL can infer.
    @GetGeneratedKeys("id")
    List<UUID> insertRuns(@BindMethods List<RunRows.RunRow> runs);

    @SqlBatch("""
            INSERT INTO run_sub_units (run_id, unit_id) VALUES (:runId, :unitId)
            """)
    @BatchChunkSize(CHUNK)
    void insertRunSubUnits(@BindMethods List<RunRows.SubUnitRow> links);
}
