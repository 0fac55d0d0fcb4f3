package dev.runline.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a stored run back out of PostgreSQL into the v2 request shape, so a test can compare it field
 * for field with what was sent. Absent values are left out, as a client would leave them out.
 */
final class StoredRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredRuns() {}

    static ObjectNode read(String jdbcUrl, UUID runId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.USER, LocalDatabase.PASSWORD)) {
            ObjectNode run = JSON.createObjectNode();
            query(connection, """
                    SELECT r.procedure_id::text, v.tag, u.serial_number, p.number AS part_number, p.name AS part_name,
                           rev.number AS revision_number, b.number AS batch_number, r.outcome, r.started_at, r.ended_at,
                           op.email, r.docstring, r.metadata::text, u.metadata::text AS unit_metadata, r.client, r.client_version
                    FROM runs r
                    JOIN units u ON u.id = r.unit_id
                    JOIN revisions rev ON rev.id = u.revision_id
                    JOIN parts p ON p.id = rev.part_id
                    LEFT JOIN batches b ON b.id = u.batch_id
                    LEFT JOIN procedure_versions v ON v.id = r.procedure_version_id
                    LEFT JOIN users op ON op.id = r.operator_user_id
                    WHERE r.id = ?
                    """, runId, row -> {
                put(run, "procedure_id", row.getString(1));
                put(run, "procedure_version", row.getString(2));
                put(run, "serial_number", row.getString(3));
                put(run, "part_number", row.getString(4));
                put(run, "part_name", row.getString(5));
                put(run, "revision_number", row.getString(6));
                put(run, "batch_number", row.getString(7));
                put(run, "outcome", row.getString(8));
                put(run, "started_at", instant(row.getTimestamp(9)));
                put(run, "ended_at", instant(row.getTimestamp(10)));
                put(run, "operated_by", row.getString(11));
                put(run, "docstring", row.getString(12));
                run.set("metadata", JSON.readTree(row.getString(13)));
                run.set("unit_metadata", JSON.readTree(row.getString(14)));
                put(run, "client", row.getString(15));
                put(run, "client_version", row.getString(16));
            });
            ArrayNode subUnits = run.putArray("sub_units");
            query(connection, """
                    SELECT u.serial_number FROM run_sub_units s JOIN units u ON u.id = s.unit_id
                    WHERE s.run_id = ? ORDER BY u.serial_number
                    """, runId, row -> subUnits.add(row.getString(1)));
            ArrayNode phases = run.putArray("phases");
            query(connection, """
                    SELECT id, name, outcome, started_at, ended_at, retry_count, docstring
                    FROM phases WHERE run_id = ? ORDER BY position
                    """, runId, row -> {
                ObjectNode phase = phases.addObject();
                put(phase, "name", row.getString(2));
                put(phase, "outcome", row.getString(3));
                put(phase, "started_at", instant(row.getTimestamp(4)));
                put(phase, "ended_at", instant(row.getTimestamp(5)));
                phase.put("retry_count", row.getInt(6));
                put(phase, "docstring", row.getString(7));
                phase.set("measurements", measurements(connection, row.getObject(1, UUID.class)));
            });
            ArrayNode logs = run.putArray("logs");
            query(connection, """
                    SELECT level, logged_at, message, source_file, line_number FROM logs WHERE run_id = ? ORDER BY position
                    """, runId, row -> {
                ObjectNode log = logs.addObject();
                put(log, "level", row.getString(1));
                put(log, "timestamp", instant(row.getTimestamp(2)));
                put(log, "message", row.getString(3));
                put(log, "source_file", row.getString(4));
                int line = row.getInt(5);
                if (!row.wasNull()) {
                    log.put("line_number", line);
                }
            });
            return run;
        }
    }

    private static ArrayNode measurements(Connection connection, UUID phaseId) throws SQLException {
        ArrayNode measurements = JSON.createArrayNode();
        query(connection, """
                SELECT name, outcome, value_number, value_string, value_boolean, value_json::text, units::text,
                       validators::text, aggregations::text, x_axis::text, y_axis::text, docstring
                FROM measurements WHERE phase_id = ? ORDER BY position
                """, phaseId, row -> {
            ObjectNode m = measurements.addObject();
            put(m, "name", row.getString(1));
            put(m, "outcome", row.getString(2));
            double number = row.getDouble(3);
            if (!row.wasNull()) {
                m.put("measured_value", number);
            } else if (row.getString(4) != null) {
                m.put("measured_value", row.getString(4));
            } else if (row.getObject(5) != null) {
                m.put("measured_value", row.getBoolean(5));
            } else if (row.getString(6) != null) {
                m.set("measured_value", JSON.readTree(row.getString(6)));
            }
            String[] jsonColumns = {"units", "validators", "aggregations", "x_axis", "y_axis"};
            for (int i = 0; i < jsonColumns.length; i++) {
                String text = row.getString(7 + i);
                if (text != null) {
                    m.set(jsonColumns[i], JSON.readTree(text));
                }
            }
            put(m, "docstring", row.getString(12));
        });
        return measurements;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, UUID id, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    /** Whether a stored value equals a sent one: numbers by value, date-times by instant (no offset = UTC). */
    static int compare(JsonNode sent, JsonNode stored) {
        if (sent.isNumber() && stored.isNumber()) {
            return Double.compare(sent.doubleValue(), stored.doubleValue());
        }
        if (sent.isString() && stored.isString()) {
            if (sent.stringValue().equals(stored.stringValue())) {
                return 0;
            }
            java.time.Instant a = parseInstant(sent.stringValue());
            java.time.Instant b = parseInstant(stored.stringValue());
            return a != null && a.equals(b) ? 0 : 1;
        }
        return sent.equals(stored) ? 0 : 1;
    }

    private static java.time.Instant parseInstant(String text) {
        try {
            var parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                    ? java.time.OffsetDateTime.from(parsed).toInstant()
                    : java.time.LocalDateTime.from(parsed).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }
}
