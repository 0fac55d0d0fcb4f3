package dev.runline.bench.processor;

import dev.runline.bench.BenchDatabase;
import dev.runline.processor.persist.CsvCopy;
import dev.runline.processor.persist.CsvRows;
import dev.runline.processor.persist.RunRows;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.RunAccepted;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The machine's raw PostgreSQL ingest rate for exactly the rows typical runs become (the processor's own
 * row mapping), written with COPY through pgjdbc into the same tables with the same indexes. The units,
 * part, revision, batch and version are created beforehand, untimed: the baseline is the bulk insert.
 */
final class CopyBaseline {

    private CopyBaseline() {}

    /** Copies the rows of {@code runs}; returns the elapsed nanoseconds. */
    static long copy(String url, List<RunAccepted> runs) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, "")) {
            UUID versionId = UUID.randomUUID();
            List<UUID> unitIds = prepareReferences(connection, runs, versionId);
            List<RunRows.RunRow> runRows = new ArrayList<>();
            List<RunRows.PhaseRow> phases = new ArrayList<>();
            List<RunRows.MeasurementRow> measurements = new ArrayList<>();
            List<RunRows.LogRow> logs = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                RunAccepted event = runs.get(i);
                runRows.add(RunRows.run(event, new RunRows.References(unitIds.get(i), versionId, null)));
                List<UUID> phaseIds = event.getRun().getPhases().stream().map(p -> UUID.randomUUID()).toList();
                phases.addAll(RunRows.phases(event, phaseIds));
                List<Phase> eventPhases = event.getRun().getPhases();
                for (int p = 0; p < eventPhases.size(); p++) {
                    RunRows.measurements(eventPhases.get(p), phaseIds.get(p), measurements);
                }
                logs.addAll(RunRows.logs(event));
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            PGConnection pg = connection.unwrap(PGConnection.class);
            copy(pg, "runs (id, organization_id, procedure_id, procedure_version_id, unit_id, outcome, started_at, ended_at,"
                    + " operator_user_id, api_key_id, station_id, docstring, metadata, api_version, client, client_version,"
                    + " idempotency_key, received_at)", runRows, (out, r) -> CsvRows.appendLine(out, r.id(), r.organizationId(), r.procedureId(),
                    r.procedureVersionId(), r.unitId(), r.outcome(), r.startedAt(), r.endedAt(), r.operatorUserId(),
                    r.apiKeyId(), r.stationId(), r.docstring(), r.metadataJson(), r.apiVersion(), r.client(),
                    r.clientVersion(), r.idempotencyKey(), r.receivedAt()));
            copy(pg, "phases (id, run_id, position, name, outcome, started_at, ended_at, retry_count, docstring)", phases,
                    (out, p) -> CsvRows.appendLine(out, p.id(), p.runId(), p.position(), p.name(), p.outcome(), p.startedAt(), p.endedAt(),
                            p.retryCount(), p.docstring()));
            copy(pg, "measurements (phase_id, position, name, outcome, value_number, value_string, value_boolean, value_json,"
                    + " units, validators, aggregations, x_axis, y_axis, docstring)", measurements,
                    (out, m) -> CsvRows.appendLine(out, m.phaseId(), m.position(), m.name(), m.outcome(), m.valueNumber(), m.valueString(),
                            m.valueBoolean(), m.valueJson(), m.unitsJson(), m.validatorsJson(), m.aggregationsJson(),
                            m.xAxisJson(), m.yAxisJson(), m.docstring()));
            copy(pg, "logs (run_id, position, level, logged_at, message, source_file, line_number)", logs,
                    (out, l) -> CsvRows.appendLine(out, l.runId(), l.position(), l.level(), l.loggedAt(), l.message(), l.sourceFile(), l.lineNumber()));
            connection.commit();
            return System.nanoTime() - started;
        }
    }

    /** One unit per serial, all of one part, revision and batch; one procedure version. */
    private static List<UUID> prepareReferences(Connection connection, List<RunAccepted> runs, UUID versionId)
            throws SQLException {
        RunAccepted first = runs.getFirst();
        UUID org = first.getOrganizationId();
        UUID part = UUID.randomUUID();
        UUID revision = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO parts (id, organization_id, number) VALUES ('" + part + "', '" + org + "', 'PCB-100')");
            statement.execute("INSERT INTO revisions (id, part_id, number) VALUES ('" + revision + "', '" + part + "', 'B')");
            statement.execute("INSERT INTO batches (id, organization_id, number) VALUES ('" + batch + "', '" + org + "', 'LOT-47')");
            statement.execute("INSERT INTO procedure_versions (id, procedure_id, tag) VALUES ('" + versionId + "', '"
                    + first.getRun().getProcedureId() + "', '3.2.0')");
        }
        java.util.Map<String, UUID> units = new java.util.HashMap<>();
        List<UUID> unitIds = new ArrayList<>(runs.size());
        for (RunAccepted run : runs) {
            unitIds.add(units.computeIfAbsent(run.getRun().getSerialNumber(), serial -> UUID.randomUUID()));
        }
        try (var insert = connection.prepareStatement(
                "INSERT INTO units (id, organization_id, serial_number, revision_id, batch_id) VALUES (?, ?, ?, ?, ?)")) {
            for (var unit : units.entrySet()) {
                insert.setObject(1, unit.getValue());
                insert.setObject(2, org);
                insert.setString(3, unit.getKey());
                insert.setObject(4, revision);
                insert.setObject(5, batch);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return unitIds;
    }

    private static <T> void copy(PGConnection connection, String table, List<T> rows,
            BiConsumer<StringBuilder, T> line) throws SQLException {
        CsvCopy.copy(connection.getCopyAPI(), "COPY " + table + " FROM STDIN WITH (FORMAT csv)", rows, line);
    }
}
