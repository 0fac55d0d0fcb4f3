package dev.runline.processor;

/**
 * The processor's failure taxonomy. {@link RunRejectedException} is permanent: one run goes to the
 * dead-letter topic. {@link TransientStoreException} is transient: the batch is retried with back-off,
 * in order, until the cause (database down, deadlock, serialization failure) has passed.
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
