package dev.runline.bench.endtoend;

import dev.runline.bench.BenchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * When each run became visible in PostgreSQL, on the benchmark's own clock. A trigger on {@code runs}
 * (installed in the benchmark's database only) sends {@code NOTIFY run_stored, '<id>'}; PostgreSQL delivers
 * a notification only when the inserting transaction commits, so its arrival here is the moment the
 * processor's transaction made the run readable, late by the delivery only (well under a millisecond on
 * one machine). It is read with {@link System#nanoTime()}, the same clock as the acknowledgements, so no
 * two clocks are compared.
 *
 * <p>The {@code runs.stored_at} column is not used for this: it is {@code now()}, the start of the
 * processor's transaction, which for a batch of hundreds of runs is well before they are readable.
 */
final class StoredRunListener implements AutoCloseable {

    private static final String CHANNEL = "run_stored";

    private final Connection connection;
    private final Map<UUID, Long> storedNanos = new ConcurrentHashMap<>();
    private final Thread listener;
    private volatile boolean running = true;

    private StoredRunListener(Connection connection) {
        this.connection = connection;
        this.listener = Thread.ofPlatform().name("stored-run-listener").daemon().start(this::listen);
    }

    /** Installs the trigger (costing the processor one small notification per run) and starts listening. */
    static StoredRunListener install(String databaseUrl) throws SQLException {
        Connection connection = DriverManager.getConnection(databaseUrl, BenchDatabase.USER, "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION bench_run_stored() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        PERFORM pg_notify('%s', NEW.id::text);
                        RETURN NULL;
                    END $$""".formatted(CHANNEL));
            statement.execute("""
                    CREATE TRIGGER bench_run_stored AFTER INSERT ON runs
                    FOR EACH ROW EXECUTE FUNCTION bench_run_stored()""");
            statement.execute("LISTEN " + CHANNEL);
        }
        return new StoredRunListener(connection);
    }

    private void listen() {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] notifications = pg.getNotifications(100);
                long now = System.nanoTime();
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        storedNanos.putIfAbsent(UUID.fromString(notification.getParameter()), now);
                    }
                }
            }
        } catch (SQLException e) {
            if (running) {
                throw new IllegalStateException("Lost the stored-run notifications", e);
            }
        }
    }

    /** The {@link System#nanoTime()} at which the run was seen stored, or {@code null}. */
    Long storedAt(UUID runId) {
        return storedNanos.get(runId);
    }

    int seen() {
        return storedNanos.size();
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        listener.join(2000);
        connection.close();
    }
}
