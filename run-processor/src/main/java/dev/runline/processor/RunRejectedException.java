package dev.runline.processor;

/**
 * A run that can never be stored as it is (a reference that does not exist, data the contract rejects):
 * it goes to the dead-letter topic at once, with the contract's error code, and the rest of its batch is
 * stored. Retrying would not help; a replay after the cause is fixed does.
 */
public sealed class RunRejectedException extends ProcessingException permits MissingSubUnitException {

    private final int index;
    private final String code;
    private final FailureStage stage;

    public RunRejectedException(int index, String code, FailureStage stage, String message) {
        super(message);
        this.index = index;
        this.code = code;
        this.stage = stage;
    }

    /** Position of the rejected run in the batch it came with. */
    public int index() {
        return index;
    }

    /** The contract's error code (NOT_FOUND, BAD_REQUEST, ...). */
    public String code() {
        return code;
    }

    public FailureStage stage() {
        return stage;
    }
}
