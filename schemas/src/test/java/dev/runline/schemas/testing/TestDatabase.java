package dev.runline.schemas.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL per test JVM (embedded binaries, stopped by its own shutdown hook), and a fresh,
 * migrated database per caller so test classes never see each other's rows.
 */
public final class TestDatabase {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {}

    /** A new database with the Runline schema applied; returns its JDBC URL. */
    public static String newMigratedDatabase() {
        String url = newEmptyDatabase();
        Flyway.configure().dataSource(url, USER, PASSWORD).load().migrate();
        return url;
    }

    /** A new database without schema, for code that runs the migrations itself. */
    public static synchronized String newEmptyDatabase() {
        String name = "runline_test_" + SEQUENCE.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }

    /** The integer a query returns, e.g. a count. */
    public static int count(String jdbcUrl, String sql) {
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
                Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
