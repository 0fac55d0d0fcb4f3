package dev.runline.processor.persist;

import dev.runline.processor.FailureStage;
import dev.runline.processor.MissingSubUnitException;
import dev.runline.processor.RunRejectedException;
import dev.runline.processor.resolve.NameKey;
import dev.runline.processor.resolve.ResolutionPlan;
import dev.runline.processor.resolve.ResolutionPlan.RevisionKey;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunAccepted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Resolves the references of a batch of runs to ids inside the batch's transaction: re-checks what the
 * gateway checked against the database's latest state (procedure, part number), gets or creates parts,
 * revisions, batches, units and procedure versions in that fixed order, finds operators and sub-units.
 * A run whose references cannot be resolved is rejected with its index.
 */
final class ReferenceResolver {

    /** What the runs of a batch refer to, by key. */
    record Resolved(Map<NameKey, UUID> units, Map<NameKey, UUID> versions, Map<NameKey, UUID> members) {

        RunRows.References of(RunAccepted event) {
            Run run = event.getRun();
            UUID org = event.getOrganizationId();
            return new RunRows.References(
                    units.get(ResolutionPlan.unitKey(org, run.getSerialNumber())),
                    run.getProcedureVersion() == null ? null
                            : versions.get(NameKey.of(run.getProcedureId(), run.getProcedureVersion())),
                    run.getOperatedBy() == null ? null : members.get(new NameKey(org, run.getOperatedBy())));
        }

        List<UUID> subUnits(RunAccepted event) {
            return event.getRun().getSubUnits().stream()
                    .map(serial -> units.get(ResolutionPlan.unitKey(event.getOrganizationId(), serial)))
                    .toList();
        }
    }

    private final ResolutionDao dao;

    ReferenceResolver(ResolutionDao dao) {
        this.dao = dao;
    }

    Resolved resolve(List<RunAccepted> events) {
        requirePartNumbers(events);
        requireProcedures(events);
        ResolutionPlan plan = ResolutionPlan.of(events);

        List<NameKey> partOrder = new ArrayList<>(plan.parts().keySet());
        dao.insertParts(randomIds(partOrder.size()), scopes(partOrder),
                partOrder.stream().map(key -> plan.parts().get(key).number()).toArray(String[]::new),
                partOrder.stream().map(key -> plan.parts().get(key).name()).toArray(String[]::new));
        Map<NameKey, UUID> parts = find(plan.parts().keySet(), dao::findParts);
        // Revisions are scoped by part ids, known only now.
        List<RevisionKey> revisionOrder = new ArrayList<>(plan.revisions().keySet());
        dao.insertRevisions(randomIds(revisionOrder.size()),
                revisionOrder.stream().map(key -> parts.get(key.part())).toArray(UUID[]::new),
                revisionOrder.stream().map(key -> plan.revisions().get(key).number()).toArray(String[]::new));
        Map<NameKey, UUID> revisions = find(revisionKeys(plan.revisions().keySet(), parts), dao::findRevisions);

        Map<NameKey, UUID> batches = getOrCreate(plan.batches().keySet(), plan.batches()::get,
                (ids, keys, names) -> dao.insertBatches(ids, scopes(keys), names), dao::findBatches);

        List<NameKey> unitOrder = new ArrayList<>(plan.units().keySet());
        dao.insertUnits(randomIds(unitOrder.size()), scopes(unitOrder),
                unitOrder.stream().map(key -> plan.units().get(key).serialNumber()).toArray(String[]::new),
                unitOrder.stream().map(key -> {
                    RevisionKey revision = plan.units().get(key).revision();
                    return revisions.get(new NameKey(parts.get(revision.part()), revision.folded()));
                }).toArray(UUID[]::new),
                unitOrder.stream().map(key -> plan.units().get(key).batch())
                        .map(batch -> batch == null ? null : batches.get(batch)).toArray(UUID[]::new));
        Set<NameKey> unitKeys = new HashSet<>(unitOrder);
        events.forEach(event -> event.getRun().getSubUnits()
                .forEach(serial -> unitKeys.add(ResolutionPlan.unitKey(event.getOrganizationId(), serial))));
        Map<NameKey, UUID> units = find(unitKeys, dao::findUnits);

        Map<NameKey, UUID> versions = getOrCreate(plan.versions().keySet(), plan.versions()::get,
                (ids, keys, names) -> dao.insertVersions(ids, scopes(keys), names), dao::findVersions);

        Set<NameKey> emails = new HashSet<>();
        events.stream().filter(event -> event.getRun().getOperatedBy() != null)
                .forEach(event -> emails.add(new NameKey(event.getOrganizationId(), event.getRun().getOperatedBy())));
        Map<NameKey, UUID> members = find(emails, dao::findMembers);

        Resolved resolved = new Resolved(units, versions, members);
        requireSubUnits(events, resolved);
        return resolved;
    }

    private static void requirePartNumbers(List<RunAccepted> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getRun().getPartNumber() == null) {
                throw new RunRejectedException(i, "BAD_REQUEST", FailureStage.RESOLVE,
                        "The run has no part number and none was extracted from serial "
                                + events.get(i).getRun().getSerialNumber());
            }
        }
    }

    private void requireProcedures(List<RunAccepted> events) {
        Set<NameKey> existing = new HashSet<>();
        for (ResolvedName found : dao.findProcedures(
                events.stream().map(RunAccepted::getOrganizationId).toArray(UUID[]::new),
                events.stream().map(event -> event.getRun().getProcedureId()).toArray(UUID[]::new))) {
            existing.add(new NameKey(found.scope(), found.id().toString()));
        }
        for (int i = 0; i < events.size(); i++) {
            RunAccepted event = events.get(i);
            UUID procedure = event.getRun().getProcedureId();
            if (!existing.contains(new NameKey(event.getOrganizationId(), procedure.toString()))) {
                throw new RunRejectedException(i, "NOT_FOUND", FailureStage.RESOLVE, "Procedure " + procedure + " does not exist");
            }
        }
    }

    /** Checked last, and for every run at once: a batch with many waiting runs parks them in one more attempt. */
    private static void requireSubUnits(List<RunAccepted> events, Resolved resolved) {
        java.util.SortedMap<Integer, String> missing = new java.util.TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            List<String> serials = events.get(i).getRun().getSubUnits();
            List<UUID> ids = resolved.subUnits(events.get(i));
            for (int s = 0; s < serials.size() && !missing.containsKey(i); s++) {
                if (ids.get(s) == null) {
                    missing.put(i, serials.get(s));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingSubUnitException(missing);
        }
    }

    @FunctionalInterface
    private interface Inserter {
        void insert(UUID[] ids, List<NameKey> keys, String[] names);
    }

    @FunctionalInterface
    private interface Finder {
        List<ResolvedName> find(UUID[] scopes, String[] folded);
    }

    private static Map<NameKey, UUID> getOrCreate(Set<NameKey> sortedKeys, Function<NameKey, String> spelling,
            Inserter inserter, Finder finder) {
        if (sortedKeys.isEmpty()) {
            return Map.of();
        }
        List<NameKey> keys = new ArrayList<>(sortedKeys);
        inserter.insert(randomIds(keys.size()), keys, keys.stream().map(spelling).toArray(String[]::new));
        return find(sortedKeys, finder);
    }

    private static Map<NameKey, UUID> find(Set<NameKey> keys, Finder finder) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<NameKey, UUID> ids = new HashMap<>();
        for (ResolvedName found : finder.find(scopes(keys), keys.stream().map(NameKey::folded).toArray(String[]::new))) {
            ids.put(found.key(), found.id());
        }
        return ids;
    }

    private static Set<NameKey> revisionKeys(Set<RevisionKey> revisions, Map<NameKey, UUID> parts) {
        Set<NameKey> keys = new java.util.LinkedHashSet<>();
        revisions.forEach(key -> keys.add(new NameKey(parts.get(key.part()), key.folded())));
        return keys;
    }

    private static UUID[] scopes(java.util.Collection<NameKey> keys) {
        return keys.stream().map(NameKey::scope).toArray(UUID[]::new);
    }

    private static UUID[] randomIds(int count) {
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID();
        }
        return ids;
    }
}
