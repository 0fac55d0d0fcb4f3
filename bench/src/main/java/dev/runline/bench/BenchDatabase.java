package dev.runline.bench;

import dev.runline.gateway.auth.ApiKeySecrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL for the whole benchmark, with durable settings (fsync and synchronous commit on,
 * unlike the embedded defaults) so that both contenders pay what production pays; a fresh, migrated
 * database per scenario.
 */
public final class BenchDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    /**
     * The seeded organization a scenario's runs belong to.
     *
     * @param apiKey the secret of the seeded admin's API key, for {@code Authorization: Bearer}
     */
    public record Tenant(UUID organizationId, UUID procedureId, UUID keyId, String apiKey) {
        @Override
        public String toString() {
            return "Tenant[organizationId=" + organizationId + ", procedureId=" + procedureId + "]";
        }
    }

    private final EmbeddedPostgres postgres;
    private int databases;

    /** @param logDir where PostgreSQL's log goes: checkpoints and autovacuum runs are logged, to read beside stalls */
    public BenchDatabase(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logDir.resolve("postgresql.log").toFile());
        this.postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("log_checkpoints", "on")
                .setServerConfig("log_autovacuum_min_duration", "0")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
    }

    /** A new database with the Runline schema; returns its JDBC URL. */
    public String newDatabase() throws SQLException {
        String name = "bench_" + (++databases);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String url = postgres.getJdbcUrl(USER, name);
        Flyway.configure().dataSource(url, USER, "").load().migrate();
        return url;
    }

    /** An organization, an admin, a procedure and the admin's API key, hashed as the gateway hashes keys. */
    public static Tenant seed(String url) throws SQLException {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        Tenant tenant = new Tenant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), key.secret());
        UUID user = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, USER, "")) {
            execute(connection, "INSERT INTO organizations (id, name) VALUES (?, 'Bench')", tenant.organizationId());
            execute(connection, "INSERT INTO users (id, organization_id, email, role) VALUES (?, ?, 'bench@example.com', 'admin')",
                    user, tenant.organizationId());
            execute(connection, "INSERT INTO procedures (id, organization_id, identifier, name) VALUES (?, ?, 'EOL', 'End of line')",
                    tenant.procedureId(), tenant.organizationId());
            execute(connection, """
                    INSERT INTO api_keys (id, organization_id, user_id, name, prefix, secret_sha256)
                    VALUES (?, ?, ?, 'bench', ?, ?)
                    """, tenant.keyId(), tenant.organizationId(), user, key.prefix(), key.sha256());
        }
        return tenant;
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
