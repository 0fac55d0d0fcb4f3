package dev.runline.schemas;

import java.util.List;
import java.util.UUID;

/**
 * The rule every genealogy change keeps: a unit is never its own ancestor. Pure, and shared: the gateway refuses a
 * cycle it can see in what is stored, the processor one that only appears once earlier edits and runs are applied.
 */
public final class Genealogy {

    private Genealogy() {}

    /**
     * Why making {@code child} a sub-unit of {@code parent} would close a loop, or null when it would not.
     *
     * @param ancestorsOfParent the parent's ancestors as stored, nearest first
     */
    public static String cycle(UUID parentId, String parentSerial, UUID childId, String childSerial, List<UUID> ancestorsOfParent) {
        if (parentId.equals(childId)) {
            return "Unit " + parentSerial + " cannot be its own sub-unit";
        }
        if (ancestorsOfParent.contains(childId)) {
            return "Unit " + childSerial + " is an ancestor of " + parentSerial
                    + "; making it a sub-unit of " + parentSerial + " would make it its own ancestor";
        }
        return null;
    }
}
