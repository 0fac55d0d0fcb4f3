package dev.runline.processor;

/**
 * The processor's failure taxonomy. {@link RunRejectedException} is permanent: one run goes to the
 * dead-letter topic at once. {@link MissingSubUnitException} is a rejection that may still resolve (the
 * sub-unit's own run may be in flight): that run is parked and re-checked for a bounded time, then dead-lettered.
 * {@link TransientStoreException} is transient: the batch is retried with back-off, in order, until the
 * cause (database down, deadlock, serialization failure) has passed.
 */
public abstract sealed class ProcessingException extends RuntimeException
        permits RunRejectedException, TransientStoreException {

    protected ProcessingException(String message) {
        super(message);
    }

    protected ProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
