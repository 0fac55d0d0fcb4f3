package dev.runline.gateway.read;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads stored runs. A run is looked up within the caller's organization; the rows under it (phases,
 * measurements, logs, sub-units) only by the id of a run that lookup returned, so they need no organization of
 * their own. The run itself is one select ({@code RunReadDao/runs.sql}, a dozen joins) that the lookups by id,
 * by serial and by filters share; each fills its constant {@code where} and {@code order} fragments.
 */
@RegisterConstructorMapper(StoredRun.class)
@RegisterConstructorMapper(StoredDetails.Phase.class)
@RegisterConstructorMapper(StoredDetails.Measurement.class)
@RegisterConstructorMapper(StoredDetails.Log.class)
@RegisterConstructorMapper(StoredDetails.SubUnit.class)
public interface RunReadDao {

    @SqlQuery("runs")
    @UseClasspathSqlLocator
    Optional<StoredRun> byId(@Define("where") String where, @Define("order") String order, UUID organizationId,
            UUID runId, int limit, int offset);

    default Optional<StoredRun> run(UUID organizationId, UUID runId) {
        return byId("r.id = :runId", "r.id", organizationId, runId, 1, 0);
    }

    /** Serials are unique case-insensitively (index {@code units_serial_key}), and matched so. */
    @SqlQuery("runs")
    @UseClasspathSqlLocator
    List<StoredRun> bySerial(@Define("where") String where, @Define("order") String order, UUID organizationId,
            String serialNumber, int limit, int offset);

    /** The unit's runs, newest first. */
    default List<StoredRun> ofSerial(UUID organizationId, String serialNumber, int limit) {
        return bySerial("lower(u.serial_number) = lower(:serialNumber)", "r.started_at DESC, r.id DESC",
                organizationId, serialNumber, limit, 0);
    }

    /**
     * Every filter of {@link RunFilter}, each passing when absent (an empty array, a null bound). Names are
     * compared lower-cased, as their unique indexes are.
     */
    String LIST_FILTER = """
            (cardinality(CAST(:f.ids AS text[])) = 0 OR r.id = ANY(CAST(:f.ids AS uuid[])))
            AND (cardinality(CAST(:f.outcomes AS text[])) = 0 OR r.outcome = ANY(CAST(:f.outcomes AS text[])))
            AND (cardinality(CAST(:f.procedureIds AS text[])) = 0 OR r.procedure_id = ANY(CAST(:f.procedureIds AS uuid[])))
            AND (cardinality(CAST(:f.procedureVersions AS text[])) = 0
                 OR lower(pv.tag) = ANY(CAST(:f.procedureVersions AS text[])))
            AND (cardinality(CAST(:f.serialNumbers AS text[])) = 0
                 OR lower(u.serial_number) = ANY(CAST(:f.serialNumbers AS text[])))
            AND (cardinality(CAST(:f.partNumbers AS text[])) = 0 OR lower(pa.number) = ANY(CAST(:f.partNumbers AS text[])))
            AND (cardinality(CAST(:f.revisionNumbers AS text[])) = 0
                 OR lower(rv.number) = ANY(CAST(:f.revisionNumbers AS text[])))
            AND (cardinality(CAST(:f.batchNumbers AS text[])) = 0 OR lower(b.number) = ANY(CAST(:f.batchNumbers AS text[])))
            AND (CAST(:f.startedAfter AS timestamptz) IS NULL OR r.started_at >= CAST(:f.startedAfter AS timestamptz))
            AND (CAST(:f.startedBefore AS timestamptz) IS NULL OR r.started_at <= CAST(:f.startedBefore AS timestamptz))
            AND (CAST(:f.endedAfter AS timestamptz) IS NULL OR r.ended_at >= CAST(:f.endedAfter AS timestamptz))
            AND (CAST(:f.endedBefore AS timestamptz) IS NULL OR r.ended_at <= CAST(:f.endedBefore AS timestamptz))
            AND (CAST(:f.createdAfter AS timestamptz) IS NULL OR r.received_at >= CAST(:f.createdAfter AS timestamptz))
            AND (CAST(:f.createdBefore AS timestamptz) IS NULL OR r.received_at <= CAST(:f.createdBefore AS timestamptz))
            AND (cardinality(CAST(:f.createdByUserIds AS text[])) = 0 OR cu.id = ANY(CAST(:f.createdByUserIds AS uuid[])))
            AND (cardinality(CAST(:f.createdByStationIds AS text[])) = 0
                 OR cs.id = ANY(CAST(:f.createdByStationIds AS uuid[])))
            AND (cardinality(CAST(:f.operatedByIds AS text[])) = 0 OR op.id = ANY(CAST(:f.operatedByIds AS uuid[])))
            AND (CAST(:f.durationMinSeconds AS float8) IS NULL
                 OR EXTRACT(EPOCH FROM r.ended_at - r.started_at) >= CAST(:f.durationMinSeconds AS float8))
            AND (CAST(:f.durationMaxSeconds AS float8) IS NULL
                 OR EXTRACT(EPOCH FROM r.ended_at - r.started_at) <= CAST(:f.durationMaxSeconds AS float8))
            AND (CAST(:f.searchPattern AS text) IS NULL OR u.serial_number ILIKE :f.searchPattern
                 OR pa.number ILIKE :f.searchPattern OR p.name ILIKE :f.searchPattern OR r.docstring ILIKE :f.searchPattern
                 OR r.id::text ILIKE :f.searchPattern)
            """;

    @SqlQuery("runs")
    @UseClasspathSqlLocator
    List<StoredRun> byFilter(@Define("where") String where, @Define("order") String order, UUID organizationId,
            @BindMethods("f") RunFilter filter, int limit, int offset);

    /** A page of the organization's runs; {@code limit} one more than the page, to tell whether there is more. */
    default List<StoredRun> list(UUID organizationId, RunFilter filter, String order, int limit, int offset) {
        return byFilter(LIST_FILTER, order, organizationId, filter, limit, offset);
    }

    @SqlQuery("""
            SELECT id, name, outcome, started_at, ended_at, retry_count, docstring FROM phases
            WHERE run_id = :runId
            ORDER BY position
            """)
    List<StoredDetails.Phase> phases(UUID runId);

    @SqlQuery("""
            SELECT m.id, m.phase_id, m.name, m.outcome, m.value_number, m.value_string, m.value_boolean,
                   m.value_json::text AS value_json, m.units::text AS units_json, m.validators::text AS validators_json,
                   m.aggregations::text AS aggregations_json, m.x_axis::text AS x_axis_json, m.y_axis::text AS y_axis_json
            FROM measurements m JOIN phases ph ON ph.id = m.phase_id
            WHERE ph.run_id = :runId
            ORDER BY ph.position, m.position
            """)
    List<StoredDetails.Measurement> measurements(UUID runId);

    @SqlQuery("""
            SELECT id, level, logged_at, message, source_file, line_number FROM logs
            WHERE run_id = :runId
            ORDER BY position
            """)
    List<StoredDetails.Log> logs(UUID runId);

    @SqlQuery("""
            SELECT u.id, u.serial_number, pa.number AS part_number, pa.name AS part_name
            FROM run_sub_units s
            JOIN units u ON u.id = s.unit_id
            JOIN revisions rv ON rv.id = u.revision_id
            JOIN parts pa ON pa.id = rv.part_id
            WHERE s.run_id = :runId
            ORDER BY lower(u.serial_number)
            """)
    List<StoredDetails.SubUnit> subUnits(UUID runId);
}
