package dev.runline.processor;

/** Where processing a run failed: carried on every dead letter so operations know what to fix. */
public enum FailureStage {
    /** The record's bytes are not a run event this version can read. */
    DECODE,
    /** A reference the run needs does not exist (procedure, sub-unit) or cannot be derived (part number). */
    RESOLVE,
    /** The database refused the run's data. */
    STORE;

    /** As written in headers and the dead_letters table. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
