package dev.runline.processor.persist;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes the bulk of a batch, phases, measurements and logs (70 of a typical run's 76 rows), with COPY on
 * the batch's own connection, so inside its transaction. COPY is PostgreSQL's cheapest way in: against
 * multi-row INSERTs it saved the database and the processor enough CPU to matter on a machine they share
 * with the broker and the gateway (benchmark suite, end-to-end scenario). Runs and sub-unit links stay
 * INSERTs: runs need {@code ON CONFLICT} to skip redeliveries. A refused row fails the COPY with the
 * same SQLSTATE an INSERT would get, wrapped in {@link CopyFailedException}.
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

    /** Bytes handed to the driver at a time: bounds the buffer however large the batch. */
    private static final int CHUNK_CHARS = 256 * 1024;

    private final CopyManager copy;

    RowCopier(Handle handle) {
        try {
            this.copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new CopyFailedException("The connection does not support COPY", e);
        }
    }

    void phases(List<RunRows.PhaseRow> rows) {
        copy(PHASES, rows, (p, line) -> CsvRows.appendLine(line, p.id(), p.runId(), p.position(), p.name(), p.outcome(),
                p.startedAt(), p.endedAt(), p.retryCount(), p.docstring()));
    }

    void measurements(List<RunRows.MeasurementRow> rows) {
        copy(MEASUREMENTS, rows, (m, line) -> CsvRows.appendLine(line, m.phaseId(), m.position(), m.name(), m.outcome(),
                m.valueNumber(), m.valueString(), m.valueBoolean(), m.valueJson(), m.unitsJson(), m.validatorsJson(),
                m.aggregationsJson(), m.xAxisJson(), m.yAxisJson(), m.docstring()));
    }

    void logs(List<RunRows.LogRow> rows) {
        copy(LOGS, rows, (l, line) -> CsvRows.appendLine(line, l.runId(), l.position(), l.level(), l.loggedAt(), l.message(),
                l.sourceFile(), l.lineNumber()));
    }

    private <T> void copy(String sql, List<T> rows, BiConsumer<T, StringBuilder> line) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            CopyIn in = copy.copyIn(sql);
            try {
                StringBuilder buffer = new StringBuilder(Math.min(CHUNK_CHARS, rows.size() * 256) + 4096);
                for (T row : rows) {
                    line.accept(row, buffer);
                    if (buffer.length() >= CHUNK_CHARS) {
                        write(in, buffer);
                    }
                }
                write(in, buffer);
                in.endCopy();
            } catch (SQLException | RuntimeException e) {
                cancel(in, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new CopyFailedException("COPY failed: " + sql.lines().findFirst().orElse(sql).strip(), e);
        }
    }

    /** Ends a COPY that failed on this side, so that the connection can roll back; the first failure is kept. */
    private static void cancel(CopyIn in, Exception failure) {
        if (in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void write(CopyIn in, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
