package dev.runline.gateway.read;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
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
            UUID runId, int limit);

    default Optional<StoredRun> run(UUID organizationId, UUID runId) {
        return byId("r.id = :runId", "r.id", organizationId, runId, 1);
    }

    /** Serials are unique case-insensitively (index {@code units_serial_key}), and matched so. */
    @SqlQuery("runs")
    @UseClasspathSqlLocator
    List<StoredRun> bySerial(@Define("where") String where, @Define("order") String order, UUID organizationId,
            String serialNumber, int limit);

    /** The unit's runs, newest first. */
    default List<StoredRun> ofSerial(UUID organizationId, String serialNumber, int limit) {
        return bySerial("lower(u.serial_number) = lower(:serialNumber)", "r.started_at DESC, r.id DESC",
                organizationId, serialNumber, limit);
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
