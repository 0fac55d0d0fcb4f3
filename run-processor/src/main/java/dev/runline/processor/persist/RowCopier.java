package dev.runline.processor.persist;

import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the bulk of a batch, phases, measurements and logs (70 of a typical run's 76 rows), with COPY on
 * the batch's own connection, so inside its transaction. COPY is PostgreSQL's cheapest way in: against the
 * driver's multi-row INSERTs, draining a topic of typical runs went from 613 to 826 runs/s with one consumer
 * and from 859 to 1,032 with two (benchmark suite, processor scenario; medians of three runs after). Runs and
 * sub-unit links stay INSERTs: runs need {@code ON CONFLICT} to skip redeliveries. A refused row fails the
 * COPY with the SQLSTATE class an INSERT gets (22, data exception), wrapped in {@link CopyFailedException}.
 */
final class RowCopier {

    static final String PHASES = """
            COPY phases (id, run_id, position, name, outcome, started_at, ended_at, retry_count, docstring)
            FROM STDIN WITH (FORMAT csv)
            """;

    static final String MEASUREMENTS = """
            COPY measurements (phase_id, position, name, outcome, value_number, value_string, value_boolean,
                               value_json, units, validators, aggregations, x_axis, y_axis, docstring)
            FROM STDIN WITH (FORMAT csv)
            """;

    static final String LOGS = """
            COPY logs (run_id, position, level, logged_at, message, source_file, line_number)
            FROM STDIN WITH (FORMAT csv)
            """;

    private final CopyManager copy;

    RowCopier(Handle handle) {
        try {
            this.copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new CopyFailedException("The connection does not support COPY", e);
        }
    }

    void phases(List<RunRows.PhaseRow> rows) {
        copy(PHASES, rows, (line, p) -> CsvRows.appendLine(line, p.id(), p.runId(), p.position(), p.name(), p.outcome(),
                p.startedAt(), p.endedAt(), p.retryCount(), p.docstring()));
    }

    void measurements(List<RunRows.MeasurementRow> rows) {
        copy(MEASUREMENTS, rows, (line, m) -> CsvRows.appendLine(line, m.phaseId(), m.position(), m.name(), m.outcome(),
                m.valueNumber(), m.valueString(), m.valueBoolean(), m.valueJson(), m.unitsJson(), m.validatorsJson(),
                m.aggregationsJson(), m.xAxisJson(), m.yAxisJson(), m.docstring()));
    }

    void logs(List<RunRows.LogRow> rows) {
        copy(LOGS, rows, (line, l) -> CsvRows.appendLine(line, l.runId(), l.position(), l.level(), l.loggedAt(), l.message(),
                l.sourceFile(), l.lineNumber()));
    }

    private <T> void copy(String sql, List<T> rows, BiConsumer<StringBuilder, T> line) {
        try {
            CsvCopy.copy(copy, sql, rows, line);
        } catch (SQLException e) {
            throw new CopyFailedException("COPY failed: " + sql.lines().findFirst().orElse(sql).strip(), e);
        }
    }
}
