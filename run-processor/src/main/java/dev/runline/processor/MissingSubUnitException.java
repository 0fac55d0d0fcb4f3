package dev.runline.processor;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs name sub-units that do not exist yet. Their own runs may still be in flight (on another partition, or
 * later in this one), so such a run is parked ({@code dev.runline.processor.park}) and re-checked for
 * {@code runline.processor.sub-unit-wait} before it is dead-lettered as NOT_FOUND; a replay after the sub-unit
 * exists stores it. Names every run of the batch with a missing sub-unit at once, so that a batch with many of
 * them parks them all in one more attempt rather than one attempt each.
 */
public final class MissingSubUnitException extends RunRejectedException {

    private final SortedMap<Integer, String> missing;

    public MissingSubUnitException(int index, String serialNumber) {
        this(new TreeMap<>(java.util.Map.of(index, serialNumber)));
    }

    /** @param missing a missing serial of each run that has one, by the run's index in its batch; not empty */
    public MissingSubUnitException(SortedMap<Integer, String> missing) {
        super(missing.firstKey(), "NOT_FOUND", FailureStage.RESOLVE, message(missing.get(missing.firstKey())));
        this.missing = Collections.unmodifiableSortedMap(new TreeMap<>(missing));
    }

    /** Every run of the batch that names a missing sub-unit, by index, with one serial it misses. */
    public SortedMap<Integer, String> missing() {
        return missing;
    }

    /** The message a run missing {@code serialNumber} is dead-lettered with. */
    public static String message(String serialNumber) {
        return "Sub-unit " + serialNumber + " does not exist";
    }
}
