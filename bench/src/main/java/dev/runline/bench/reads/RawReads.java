package dev.runline.bench.reads;

import dev.runline.bench.BenchDatabase;
import dev.runline.gateway.read.RunReadDao;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's read statements run raw through pgjdbc, without Jdbi, mapping or JSON: the limit each HTTP read is
 * measured beside. The runs statements are the gateway's own text ({@code RunReadDao/runs.sql} with
 * {@link RunReadDao}'s fragments, and its detail selects, copied); each reader prepares them once on its own
 * connection, as pgjdbc's statement cache has the gateway do.
 */
final class RawReads {

    private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z][\\w.]*)");

    /** runs.get: the run, then its measurements, phases, logs, sub-units and attachments, as {@code RunReader.run}. */
    static final List<String> RUN_GET = List.of(
            runsSql("r.id = :runId", "r.id"),
            """
            SELECT m.id, m.phase_id, m.name, m.outcome, m.value_number, m.value_string, m.value_boolean,
                   m.value_json::text AS value_json, m.units::text AS units_json, m.validators::text AS validators_json,
                   m.aggregations::text AS aggregations_json, m.x_axis::text AS x_axis_json, m.y_axis::text AS y_axis_json
            FROM measurements m JOIN phases ph ON ph.id = m.phase_id
            WHERE ph.run_id = :runId
            ORDER BY ph.position, m.position
            """,
            "SELECT id, name, outcome, started_at, ended_at, retry_count, docstring FROM phases WHERE run_id = :runId ORDER BY position",
            "SELECT id, level, logged_at, message, source_file, line_number FROM logs WHERE run_id = :runId ORDER BY position",
            """
            SELECT u.id, u.serial_number, pa.number AS part_number, pa.name AS part_name
            FROM run_sub_units s
            JOIN units u ON u.id = s.unit_id
            JOIN revisions rv ON rv.id = u.revision_id
            JOIN parts pa ON pa.id = rv.part_id
            WHERE s.run_id = :runId
            ORDER BY lower(u.serial_number)
            """,
            """
            SELECT id, organization_id, run_id, name, object_key, size, content_type, is_report FROM attachments
            WHERE run_id = :runId AND organization_id = :organizationId
            ORDER BY is_report DESC, linked_at, name
            """);

    /** runs.list: the gateway's filtered page, default order (started_at, newest first). */
    static final String RUN_LIST = runsSql(RunReadDao.LIST_FILTER, "r.started_at DESC, r.id DESC");

    /** units.get: the unit with its part, revision, batch, parent and first run; then its children. */
    static final List<String> UNIT_GET = List.of(
            """
            SELECT u.id, u.serial_number, u.metadata::text AS metadata, u.created_at,
                   pa.id AS part_id, pa.number AS part_number, pa.name AS part_name, rv.id AS revision_id,
                   rv.number AS revision_number, b.id AS batch_id, b.number AS batch_number,
                   parent.id AS parent_id, parent.serial_number AS parent_serial_number,
                   fr.id AS first_run_id, fr.started_at AS first_run_started_at
            FROM units u
            JOIN revisions rv ON rv.id = u.revision_id
            JOIN parts pa ON pa.id = rv.part_id
            LEFT JOIN batches b ON b.id = u.batch_id
            LEFT JOIN units parent ON parent.id = u.parent_unit_id
            LEFT JOIN LATERAL (SELECT r.id, r.started_at FROM runs r WHERE r.unit_id = u.id
                               ORDER BY r.started_at, r.id LIMIT 1) fr ON true
            WHERE u.organization_id = :organizationId AND lower(u.serial_number) = lower(:serialNumber)
            """,
            """
            SELECT c.id, c.serial_number, pa.number AS part_number, pa.name AS part_name
            FROM units c
            JOIN revisions rv ON rv.id = c.revision_id
            JOIN parts pa ON pa.id = rv.part_id
            WHERE c.parent_unit_id = :unitId
            ORDER BY lower(c.serial_number)
            """);

    /** The arrays of {@code RunFilter}, bound empty (filter absent) unless given; its other fields bound null. */
    private static final List<String> FILTER_ARRAYS = List.of("f.ids", "f.outcomes", "f.procedureIds", "f.procedureVersions",
            "f.serialNumbers", "f.partNumbers", "f.revisionNumbers", "f.batchNumbers", "f.createdByUserIds",
            "f.createdByStationIds", "f.operatedByIds");

    private RawReads() {}

    /** A statement with {@code :name} parameters as pgjdbc's {@code ?}, and the names in order. */
    record Named(String sql, List<String> names) {

        static Named of(String text) {
            List<String> names = new ArrayList<>();
            Matcher matcher = NAMED.matcher(text);
            StringBuilder sql = new StringBuilder();
            while (matcher.find()) {
                names.add(matcher.group(1));
                matcher.appendReplacement(sql, "?");
            }
            matcher.appendTail(sql);
            return new Named(sql.toString(), names);
        }
    }

    /** One reader: its connection and its prepared statements, each bound by name from the value function. */
    static final class Reader implements ReadLoad.RawQuery, AutoCloseable {

        private final Connection connection;
        private final List<Named> statements;
        private final List<PreparedStatement> prepared = new ArrayList<>();
        private final Function<Long, Map<String, Object>> values;

        Reader(String url, List<String> texts, Function<Long, Map<String, Object>> values) {
            try {
                this.connection = DriverManager.getConnection(url, BenchDatabase.USER, "");
                this.statements = texts.stream().map(Named::of).toList();
                for (Named statement : statements) {
                    prepared.add(connection.prepareStatement(statement.sql()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot open a raw reader on " + url, e);
            }
            this.values = values;
        }

        /** Runs every statement; the first must find a row, and its {@code id} column is the later ones' {@code unitId}. */
        @Override
        public void run(long i) throws SQLException {
            Map<String, Object> bound = new java.util.HashMap<>(values.apply(i));
            for (int s = 0; s < statements.size(); s++) {
                PreparedStatement statement = prepared.get(s);
                List<String> names = statements.get(s).names();
                for (int p = 0; p < names.size(); p++) {
                    statement.setObject(p + 1, bind(names.get(p), bound.get(names.get(p))));
                }
                int rows = 0;
                try (ResultSet result = statement.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        // Read every column, as a mapper would.
                        for (int c = 1; c <= columns; c++) {
                            result.getObject(c);
                        }
                        if (rows++ == 0 && s == 0) {
                            bound.putIfAbsent("unitId", result.getObject("id"));
                        }
                    }
                }
                if (s == 0 && rows == 0) {
                    throw new IllegalStateException("not found: " + bound);
                }
            }
        }

        /** {@code EXPLAIN (ANALYZE, BUFFERS)} of each statement for request {@code i}, as planned for its values. */
        String explain(long i) throws SQLException {
            StringBuilder plans = new StringBuilder();
            Map<String, Object> bound = new java.util.HashMap<>(values.apply(i));
            Named first = statements.getFirst();
            try (PreparedStatement statement = connection.prepareStatement(first.sql())) {
                for (int p = 0; p < first.names().size(); p++) {
                    statement.setObject(p + 1, bind(first.names().get(p), bound.get(first.names().get(p))));
                }
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next()) {
                        bound.putIfAbsent("unitId", result.getObject("id"));
                    }
                }
            }
            for (String mode : List.of("auto")) {
                try (var set = connection.createStatement()) {
                    set.execute("SET plan_cache_mode = " + mode);
                }
                for (Named statement : statements) {
                    plans.append("-- plan_cache_mode ").append(mode).append(", values ").append(bound).append('\n');
                    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
                        for (int p = 0; p < statement.names().size(); p++) {
                            explain.setObject(p + 1, bind(statement.names().get(p), bound.get(statement.names().get(p))));
                        }
                        // Six executions: pgjdbc prepares on the server from the fifth, PostgreSQL may go generic from the sixth.
                        for (int run = 1; run <= 6; run++) {
                            try (ResultSet result = explain.executeQuery()) {
                                if (run == 6) {
                                    while (result.next()) {
                                        plans.append(result.getString(1)).append('\n');
                                    }
                                }
                            }
                        }
                    }
                }
            }
            try (var set = connection.createStatement()) {
                set.execute("RESET plan_cache_mode");
            }
            return plans.toString();
        }

        private Object bind(String name, Object value) throws SQLException {
            if (FILTER_ARRAYS.contains(name)) {
                return connection.createArrayOf("varchar", value == null ? new String[0] : (String[]) value);
            }
            return value;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    static Map<String, Object> runValues(UUID organizationId, UUID runId) {
        return Map.of("organizationId", organizationId, "runId", runId, "limit", 1, "offset", 0);
    }

    private static String runsSql(String where, String order) {
        return runsStatement().replace("<where>", where).replace("<order>", order);
    }

    private static String runsStatement() {
        String path = "/dev/runline/gateway/read/RunReadDao/runs.sql";
        try (InputStream in = RunReadDao.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
