package dev.runline.processor.persist;

import java.sql.SQLException;

/**
 * A COPY of a batch's rows failed; the cause carries the SQLSTATE, classified like any database failure
 * (transient: retried; a data error: the refused run is isolated and dead-lettered).
 */
final class CopyFailedException extends RuntimeException {

    CopyFailedException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
