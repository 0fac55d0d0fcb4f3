package dev.runline.processor;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** The database could not take the batch right now; the same batch will succeed later. */
public final class TransientStoreException extends ProcessingException {

    /**
     * SQLSTATEs that say "try again" beside classes 08 (connection) and 53 (resources): serialization failure,
     * deadlock, statement or lock timeout, shutdown, read-only (a standby during fail-over).
     */
    private static final Set<String> TRANSIENT_STATES =
            Set.of("40001", "40P01", "57014", "55P03", "57P01", "57P02", "57P03", "25006");

    public TransientStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether a database failure is worth retrying: looks through the whole cause chain. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }
}
