package dev.runline.processor.park;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which records of a polled batch park rather than being stored now. Pure: no I/O.
 *
 * <p>A run parks when it names a sub-unit that does not exist yet. Everything else of the same unit (the same
 * record key) that comes after a parked record parks behind it, runs and edits alike, however long ago the
 * parked one arrived: the unit's records are released in the order they were published, so a unit's later run
 * never overtakes its earlier one and an edit never applies before the run it was published after. Records of
 * other units are stored at once: they do not wait for anyone else's sub-unit.
 */
public final class ParkingPlan {

    private ParkingPlan() {}

    /**
     * @param keys       the unit key of each run of a stretch of the batch, in order
     * @param parkedKeys unit keys that already have a parked record (in the database, or earlier in the batch)
     * @param missing    positions of the runs that name a sub-unit that does not exist
     * @return the positions that park, ascending: the missing runs, and every run of a unit key that is parked
     *         already or has an earlier parking run in the stretch
     */
    public static SortedSet<Integer> parking(List<String> keys, Set<String> parkedKeys, Set<Integer> missing) {
        Set<String> blocked = new HashSet<>(parkedKeys);
        SortedSet<Integer> parking = new TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (missing.contains(i) || blocked.contains(keys.get(i))) {
                parking.add(i);
                blocked.add(keys.get(i));
            }
        }
        return parking;
    }

    /** Whether an edit of {@code key} parks: when anything of its unit is parked, it waits behind it. */
    public static boolean parks(String key, Set<String> parkedKeys) {
        return parkedKeys.contains(key);
    }

    /** What becomes of the oldest parked record of a unit when it is re-checked. */
    public enum Release {
        /** Its sub-units exist (or it is an edit): stored now, and the next record of the unit is due. */
        STORE,
        /** A sub-unit is still missing and the wait is not over: checked again after the retry interval. */
        WAIT,
        /** A sub-unit is still missing after the wait: dead-lettered as NOT_FOUND, as an unparked run would be. */
        DEAD_LETTER;

        public static Release of(boolean subUnitMissing, boolean waitOver) {
            return !subUnitMissing ? STORE : waitOver ? DEAD_LETTER : WAIT;
        }
    }
}
