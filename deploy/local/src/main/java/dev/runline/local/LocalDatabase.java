package dev.runline.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL from embedded binaries, keeping its data folder across restarts (initialised on
 * first start only). Listens on localhost so that {@code psql} can look at the stored runs.
 */
final class LocalDatabase implements AutoCloseable {

    static final String DATABASE = "runline";
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalDatabase start(Path folder, int port) throws IOException, SQLException {
        Files.createDirectories(folder);
        stopOrphanedServer(folder);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                // Keep the data: initdb runs only when the folder holds no cluster yet.
                .setCleanDataDirectory(false)
                .setPort(port)
                // Stopped in order by the local mode's own shutdown sequence, after the services.
                .setRegisterShutdownHook(false)
                // Crash recovery after an unclean stop can take longer than the 10 s default.
                .setPGStartupWait(Duration.ofSeconds(60))
                // The embedded defaults trade durability for test speed; a stored run must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
        return new LocalDatabase(postgres);
    }

    /**
     * PostgreSQL runs in its own session (pg_ctl), so a killed local mode can leave it running; the next
     * start would silently attach to it. Stop such an orphan cleanly first.
     */
    private static void stopOrphanedServer(Path folder) throws IOException {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NumberFormatException e) {
            return;
        }
        if (process.isEmpty() || !process.get().isAlive()
                || !process.get().info().command().map(command -> command.endsWith("postgres")).orElse(false)) {
            return; // stale file: PostgreSQL removes it itself and recovers
        }
        process.get().destroy(); // SIGTERM: smart shutdown
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
