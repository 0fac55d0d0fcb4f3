package dev.runline.processor;

/**
 * A run names a sub-unit that does not exist yet. Its own run may still be in flight (on another
 * partition, or later in this one), so the run is retried for {@code runline.processor.sub-unit-wait}
 * before it is dead-lettered as NOT_FOUND; a replay after the sub-unit exists stores it.
 */
public final class MissingSubUnitException extends RunRejectedException {

    public MissingSubUnitException(int index, String serialNumber) {
        super(index, "NOT_FOUND", FailureStage.RESOLVE, "Sub-unit " + serialNumber + " does not exist");
    }
}
