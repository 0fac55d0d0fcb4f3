package dev.runline.schemas;

/** The bytes of a record are not a run event this version of Runline can read: a poison record. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
