package dev.runline.processor.persist;

import java.sql.SQLException;

/**
 * Database errors caused by one run's data rather than by the database: SQLSTATE class 22 (a value it
 * cannot store, e.g. a NUL character or an out-of-range date) and 23 (an integrity violation, e.g. a key
 * that was deleted). Retrying cannot help; the run is isolated and dead-lettered.
 */
public final class RejectedData {

    private RejectedData() {}

    public static boolean isDataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState() + " " + sql.getMessage();
            }
        }
        return failure.toString();
    }
}
