package dev.runline.bench.reads;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.Progress;
import dev.runline.bench.runs.TypicalRuns;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills a seeded bench database with a production-sized history by set-based SQL ({@code INSERT … SELECT
 * generate_series}), in the shape the processor stores: typical runs of {@link TypicalRuns#ROWS_PER_RUN} rows each
 * (the run, 5 phases, 50 measurements, 20 logs), about 3 runs a unit (one per test stage), 5 procedures, 20 parts of
 * 2 revisions each, 300 batches of consecutive units, and one unit in 10 an assembly of the 2 units after it
 * (its sub-units, linked by its runs). Ids are random-looking ({@code md5}), as the services' random UUIDs are, so
 * that the indexes have the shape writes meet in production. The fill is not under test: it runs in chunks with
 * {@code synchronous_commit} off, then {@code VACUUM ANALYZE}.
 */
final class ReadFill {

    /** A fill's handles for the readers: serials and part numbers are generated, run ids read back. */
    record Filled(int runs, int units, List<UUID> runIds, List<String> partNumbers) {

        static String serial(int unit) {
            return "RL-" + String.format("%07d", unit);
        }
    }

    static final int PARTS = 20;
    private static final int CHUNK = 25_000;

    private ReadFill() {}

    static Filled fill(String url, BenchDatabase.Tenant tenant, int runs, Progress progress) throws SQLException {
        int units = (runs + 2) / 3;
        try (Connection connection = DriverManager.getConnection(url, BenchDatabase.USER, "")) {
            connection.setAutoCommit(false);
            execute(connection, "SET synchronous_commit = off");
            references(connection, tenant, units);
            connection.commit();
            for (int from = 1; from <= runs; from += CHUNK) {
                int to = Math.min(runs, from + CHUNK - 1);
                chunk(connection, tenant, from, to, units);
                connection.commit();
                progress.say("reads: filled %,d of %,d runs", to, runs);
            }
            connection.setAutoCommit(true);
            execute(connection, "VACUUM ANALYZE");
            return new Filled(runs, units, runIds(connection), partNumbers());
        }
    }

    private static void references(Connection c, BenchDatabase.Tenant tenant, int units) throws SQLException {
        String org = "'" + tenant.organizationId() + "'";
        execute(c, "INSERT INTO procedures (id, organization_id, identifier, name) SELECT gen_random_uuid(), " + org
                + ", s, s || ' stage' FROM unnest(ARRAY['ICT', 'FVT', 'BURNIN', 'PACK']) s");
        execute(c, "INSERT INTO parts (id, organization_id, number, name) SELECT md5('part' || i)::uuid, " + org
                + ", 'PN-' || lpad(i::text, 2, '0'), 'Board ' || i FROM generate_series(1, " + PARTS + ") i");
        execute(c, "INSERT INTO revisions (id, part_id, number) SELECT md5('rev' || i || r)::uuid, md5('part' || i)::uuid, r"
                + " FROM generate_series(1, " + PARTS + ") i, unnest(ARRAY['A', 'B']) r");
        execute(c, "INSERT INTO batches (id, organization_id, number) SELECT md5('batch' || b)::uuid, " + org
                + ", 'LOT-' || lpad(b::text, 4, '0') FROM generate_series(0, 299) b");
        // Batch b holds consecutive units; its part is b mod 20, its revision alternates every 20 batches. Units n = 1, 2
        // mod 10 are the sub-units of unit n - n mod 10 (the one before them, inserted in the same statement).
        int perBatch = Math.max(1, (units + 299) / 300);
        execute(c, """
                INSERT INTO units (id, organization_id, serial_number, revision_id, batch_id, parent_unit_id, created_at)
                SELECT md5('unit' || n)::uuid, %s, 'RL-' || lpad(n::text, 7, '0'),
                       md5('rev' || ((n - 1) / %d %% %d + 1) || (CASE WHEN (n - 1) / %d / %d %% 2 = 0 THEN 'A' ELSE 'B' END))::uuid,
                       md5('batch' || ((n - 1) / %d))::uuid,
                       CASE WHEN n %% 10 IN (1, 2) AND n > 10 THEN md5('unit' || (n - n %% 10))::uuid END,
                       timestamptz '2026-08-01 00:00:00+00' + (n * 60) * interval '1 second'
                FROM generate_series(1, %d) n
                """.formatted(org, perBatch, PARTS, perBatch, PARTS, perBatch, units));
    }

    /**
     * Runs {@code from..to}: run k tests unit (k - 1) / 3 + 1, 20 s after run k - 1, at one of 5 procedures; 90% pass,
     * 7% fail, 2% error, 1% abort.
     */
    private static void chunk(Connection c, BenchDatabase.Tenant tenant, int from, int to, int units) throws SQLException {
        execute(c, """
                INSERT INTO runs (id, organization_id, procedure_id, unit_id, outcome, started_at, ended_at, api_key_id,
                                  metadata, api_version, received_at)
                SELECT md5('run' || k)::uuid, '%s', p.ids[((k - 1) %% 3 + ((k - 1) / 3) %% 3) %% 5 + 1],
                       md5('unit' || ((k - 1) / 3 + 1))::uuid,
                       CASE WHEN k::bigint * 7919 %% 100 < 90 THEN 'PASS' WHEN k::bigint * 7919 %% 100 < 97 THEN 'FAIL'
                            WHEN k::bigint * 7919 %% 100 < 99 THEN 'ERROR' ELSE 'ABORTED' END,
                       timestamptz '2026-08-01 00:00:00+00' + (k * 20) * interval '1 second',
                       timestamptz '2026-08-01 00:01:00+00' + (k * 20) * interval '1 second', '%s',
                       '{"station": "EOL-3", "fixture": "F-7", "slot": 3, "golden": false}', 'V2',
                       timestamptz '2026-08-01 00:01:01+00' + (k * 20) * interval '1 second'
                FROM generate_series(%d, %d) k,
                     (SELECT array_agg(id ORDER BY identifier) AS ids FROM procedures WHERE organization_id = '%s') p
                """.formatted(tenant.organizationId(), tenant.keyId(), from, to, tenant.organizationId()));
        execute(c, """
                INSERT INTO run_sub_units (run_id, unit_id)
                SELECT md5('run' || k)::uuid, md5('unit' || ((k - 1) / 3 + 1 + s))::uuid
                FROM generate_series(%d, %d) k, generate_series(1, 2) s
                WHERE ((k - 1) / 3 + 1) %% 10 = 0 AND (k - 1) / 3 + 1 + s <= %d
                """.formatted(from, to, units));
        execute(c, """
                INSERT INTO phases (id, run_id, position, name, outcome, started_at, ended_at)
                SELECT md5('phase' || k || '.' || p)::uuid, md5('run' || k)::uuid, p, 'phase_' || p, 'PASS',
                       timestamptz '2026-08-01 00:00:00+00' + (k * 20 + p * 10) * interval '1 second',
                       timestamptz '2026-08-01 00:00:09+00' + (k * 20 + p * 10) * interval '1 second'
                FROM generate_series(%d, %d) k, generate_series(0, %d) p
                """.formatted(from, to, TypicalRuns.PHASES - 1));
        execute(c, """
                INSERT INTO measurements (phase_id, position, name, outcome, value_number, units, validators)
                SELECT md5('phase' || k || '.' || p)::uuid, m, 'phase' || p || '_m' || m, 'PASS', 1 + m + random() * 2, '"V"',
                       jsonb_build_array(jsonb_build_object('operator', '>=', 'expected_value', 1 + m),
                                         jsonb_build_object('operator', '<=', 'expected_value', 3 + m))
                FROM generate_series(%d, %d) k, generate_series(0, %d) p, generate_series(0, %d) m
                """.formatted(from, to, TypicalRuns.PHASES - 1, TypicalRuns.MEASUREMENTS_PER_PHASE - 1));
        execute(c, """
                INSERT INTO logs (run_id, position, level, logged_at, message, source_file, line_number)
                SELECT md5('run' || k)::uuid, l, CASE WHEN l %% 7 = 0 THEN 'WARNING' ELSE 'INFO' END,
                       timestamptz '2026-08-01 00:00:00+00' + (k * 20 + l * 2) * interval '1 second',
                       'step ' || l || ' finished: fixture clamped, rails nominal, readings within limits',
                       'tests/end_of_line.py', 100 + l
                FROM generate_series(%d, %d) k, generate_series(0, %d) l
                """.formatted(from, to, TypicalRuns.LOGS - 1));
    }

    private static List<UUID> runIds(Connection c) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery("SELECT id FROM runs")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static List<String> partNumbers() {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= PARTS; i++) {
            parts.add("PN-" + String.format("%02d", i));
        }
        return parts;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
