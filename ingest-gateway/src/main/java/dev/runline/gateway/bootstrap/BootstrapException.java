package dev.runline.gateway.bootstrap;

/** A bootstrap that cannot be done as asked; the message says what to do about it. */
public class BootstrapException extends RuntimeException {

    public BootstrapException(String message) {
        super(message);
    }

    public BootstrapException(String message, Throwable cause) {
        super(message, cause);
    }
}
