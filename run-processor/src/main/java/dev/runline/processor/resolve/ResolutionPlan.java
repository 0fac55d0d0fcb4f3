package dev.runline.processor.resolve;

import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunAccepted;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a batch of runs refers to, deduplicated case-insensitively and sorted, keeping the spelling first
 * seen: the parts, revisions, batches, units and procedure versions to get or create, in the fixed
 * order part -> revision -> batch -> unit -> version. Pure; the persistence layer executes it.
 */
public final class ResolutionPlan {

    /** The revision a run gets when it names none. */
    public static final String DEFAULT_REVISION = "A";

    /** A unit to get or create: its serial as first seen and what it is an instance of. */
    public record UnitSpec(String serialNumber, RevisionKey revision, NameKey batch) {}

    /** A part to get or create: its number as first seen, and its name (v1 part_name, else "New Part"). */
    public record PartSpec(String number, String name) {}

    /** A revision to get or create under a part (its scope is resolved to the part's id later). */
    public record RevisionSpec(NameKey part, String number) {}

    /** The name of a part created without one. */
    public static final String DEFAULT_PART_NAME = "New Part";

    private final SortedMap<NameKey, PartSpec> parts = new TreeMap<>();
    private final SortedMap<RevisionKey, RevisionSpec> revisions = new TreeMap<>();
    private final SortedMap<NameKey, String> batches = new TreeMap<>();
    private final SortedMap<NameKey, UnitSpec> units = new TreeMap<>();
    private final SortedMap<NameKey, String> versions = new TreeMap<>();

    /** Revisions are scoped by a part that has no id yet: key them by the part's own key. */
    public record RevisionKey(NameKey part, String folded) implements Comparable<RevisionKey> {
        @Override
        public int compareTo(RevisionKey other) {
            int byPart = part.compareTo(other.part);
            return byPart != 0 ? byPart : folded.compareTo(other.folded);
        }
    }

    public static ResolutionPlan of(Iterable<RunAccepted> events) {
        ResolutionPlan plan = new ResolutionPlan();
        for (RunAccepted event : events) {
            plan.add(event.getOrganizationId(), event.getRun());
        }
        return plan;
    }

    private void add(UUID organizationId, Run run) {
        NameKey part = partKey(organizationId, run);
        parts.putIfAbsent(part, new PartSpec(run.getPartNumber(),
                run.getPartName() != null && !run.getPartName().isBlank() ? run.getPartName() : DEFAULT_PART_NAME));
        String revisionNumber = revisionNumber(run);
        RevisionKey revision = new RevisionKey(part, NameKey.fold(revisionNumber));
        revisions.putIfAbsent(revision, new RevisionSpec(part, revisionNumber));
        NameKey batch = null;
        if (run.getBatchNumber() != null) {
            batch = NameKey.of(organizationId, run.getBatchNumber());
            batches.putIfAbsent(batch, run.getBatchNumber());
        }
        NameKey unit = unitKey(organizationId, run.getSerialNumber());
        units.putIfAbsent(unit, new UnitSpec(run.getSerialNumber(), revision, batch));
        if (run.getProcedureVersion() != null) {
            versions.putIfAbsent(NameKey.of(run.getProcedureId(), run.getProcedureVersion()), run.getProcedureVersion());
        }
    }

    public static NameKey partKey(UUID organizationId, Run run) {
        return NameKey.of(organizationId, run.getPartNumber());
    }

    public static NameKey unitKey(UUID organizationId, String serialNumber) {
        return NameKey.of(organizationId, serialNumber);
    }

    public static RevisionKey revisionKey(UUID organizationId, Run run) {
        return new RevisionKey(partKey(organizationId, run), NameKey.fold(revisionNumber(run)));
    }

    public static String revisionNumber(Run run) {
        return run.getRevisionNumber() != null ? run.getRevisionNumber() : DEFAULT_REVISION;
    }

    public SortedMap<NameKey, PartSpec> parts() {
        return parts;
    }

    public SortedMap<RevisionKey, RevisionSpec> revisions() {
        return revisions;
    }

    public SortedMap<NameKey, String> batches() {
        return batches;
    }

    public SortedMap<NameKey, UnitSpec> units() {
        return units;
    }

    public SortedMap<NameKey, String> versions() {
        return versions;
    }

    @Override
    public String toString() {
        return "ResolutionPlan" + Map.of("parts", parts.size(), "revisions", revisions.size(),
                "batches", batches.size(), "units", units.size(), "versions", versions.size());
    }
}
