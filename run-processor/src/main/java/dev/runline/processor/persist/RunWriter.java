package dev.runline.processor.persist;

import dev.runline.processor.FailureStage;
import dev.runline.processor.RunRejectedException;
import dev.runline.processor.TransientStoreException;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.RunAccepted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.springframework.stereotype.Component;

/**
 * Stores a polled batch of runs in one transaction: references resolved, runs inserted (redeliveries
 * skipped by primary key), then phases, measurements, logs, sub-unit links and unit metadata of the
 * runs that are new, and the attachments they came with. Either the whole batch is stored or none of it.
 */
@Component
public class RunWriter {

    /** What a batch did: runs newly stored, and redelivered runs that were already there. */
    public record Stored(int stored, int alreadyStored) {}

    private final Jdbi jdbi;

    public RunWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @throws RunRejectedException    when one run can never be stored; nothing of the batch was written
     * @throws TransientStoreException when the database failed in a way worth retrying
     */
    public Stored write(List<RunAccepted> events) {
        return write(events, handle -> {});
    }

    /**
     * As {@link #write(List)}, with {@code alongside} done first in the same transaction (the batch's parked
     * records): both are committed together or not at all.
     */
    public Stored write(List<RunAccepted> events, Consumer<Handle> alongside) {
        try {
            return jdbi.inTransaction(handle -> {
                alongside.accept(handle);
                return events.isEmpty() ? new Stored(0, 0) : write(handle, events);
            });
        } catch (JdbiException | CopyFailedException e) {
            if (TransientStoreException.isTransient(e)) {
                throw new TransientStoreException("Database unavailable while storing " + events.size() + " runs", e);
            }
            if (RejectedData.isDataError(e)) {
                throw new RunRejectedException(firstFailing(events), "BAD_REQUEST", FailureStage.STORE,
                        "The database refused the run's data: " + RejectedData.describe(e));
            }
            throw e;
        }
    }

    /**
     * Stores one run inside the caller's transaction, behind a savepoint: a run that can never be stored leaves
     * the transaction usable (the caller dead-letters it and goes on), as if nothing of it had been written.
     *
     * @throws RunRejectedException    when the run can never be stored as it is (index 0)
     * @throws TransientStoreException when the database failed in a way worth retrying; the transaction is lost
     */
    public Stored writeIn(Handle handle, RunAccepted event) {
        String savepoint = "run_" + event.getRunId().toString().replace('-', '_');
        handle.savepoint(savepoint);
        try {
            Stored stored = write(handle, List.of(event));
            handle.releaseSavepoint(savepoint);
            return stored;
        } catch (RunRejectedException rejected) {
            handle.rollbackToSavepoint(savepoint);
            throw rejected;
        } catch (JdbiException | CopyFailedException e) {
            if (TransientStoreException.isTransient(e)) {
                throw new TransientStoreException("Database unavailable while storing run " + event.getRunId(), e);
            }
            if (RejectedData.isDataError(e)) {
                handle.rollbackToSavepoint(savepoint);
                throw new RunRejectedException(0, "BAD_REQUEST", FailureStage.STORE,
                        "The database refused the run's data: " + RejectedData.describe(e));
            }
            throw e;
        }
    }

    /**
     * The first run the database refuses (a value it cannot store), found by writing ever longer prefixes
     * of the batch in transactions that are always rolled back: a binary search, so log2(n) trial writes.
     */
    private int firstFailing(List<RunAccepted> events) {
        int storable = 0;
        int failing = events.size();
        while (failing - storable > 1) {
            int middle = (storable + failing) / 2;
            if (writes(events.subList(0, middle))) {
                storable = middle;
            } else {
                failing = middle;
            }
        }
        return failing - 1;
    }

    private boolean writes(List<RunAccepted> prefix) {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            try {
                write(handle, prefix);
                return true;
            } catch (RunRejectedException e) {
                return false;
            } catch (JdbiException | CopyFailedException e) {
                if (TransientStoreException.isTransient(e)) {
                    // The database went away mid-search: no run is to blame; the batch is retried.
                    throw new TransientStoreException("Database unavailable while isolating a refused run", e);
                }
                return false;
            } finally {
                handle.rollback();
            }
        }
    }

    private Stored write(Handle handle, List<RunAccepted> events) {
        ResolutionDao resolution = handle.attach(ResolutionDao.class);
        RunDao runs = handle.attach(RunDao.class);
        ReferenceResolver.Resolved resolved = new ReferenceResolver(resolution).resolve(events);

        List<RunRows.RunRow> runRows = events.stream().map(event -> RunRows.run(event, resolved.of(event))).toList();
        Set<UUID> inserted = new HashSet<>(runs.insertRuns(runRows));
        int stored = inserted.size();

        List<RunRows.PhaseRow> phases = new ArrayList<>();
        List<RunRows.MeasurementRow> measurements = new ArrayList<>();
        List<RunRows.LogRow> logs = new ArrayList<>();
        List<RunRows.SubUnitRow> subUnitLinks = new ArrayList<>();
        List<AttachmentRow> attachments = new ArrayList<>();
        List<Integer> storedIndexes = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            RunAccepted event = events.get(index);
            if (!inserted.remove(event.getRunId())) {
                continue; // already stored by an earlier delivery (or twice in this batch)
            }
            storedIndexes.add(index);
            List<Phase> eventPhases = event.getRun().getPhases();
            List<UUID> phaseIds = eventPhases.stream().map(phase -> UUID.randomUUID()).toList();
            phases.addAll(RunRows.phases(event, phaseIds));
            for (int i = 0; i < eventPhases.size(); i++) {
                RunRows.measurements(eventPhases.get(i), phaseIds.get(i), measurements);
            }
            logs.addAll(RunRows.logs(event));
            event.getRun().getAttachments().forEach(attachment -> attachments.add(AttachmentRow.of(event, attachment)));
            new HashSet<>(resolved.subUnits(event))
                    .forEach(child -> subUnitLinks.add(new RunRows.SubUnitRow(event.getRunId(), child)));
        }
        updateUnits(resolution, resolved, events, storedIndexes);
        RowCopier copier = new RowCopier(handle);
        copier.phases(phases);
        copier.measurements(measurements);
        copier.logs(logs);
        if (!subUnitLinks.isEmpty()) {
            runs.insertRunSubUnits(subUnitLinks);
        }
        if (!attachments.isEmpty()) {
            handle.attach(AttachmentDao.class).insert(attachments);
        }
        return new Stored(stored, events.size() - stored);
    }

    /**
     * Sub-unit links and unit metadata change existing units, some of them shared with runs on other
     * partitions. Their rows are locked first, in id order, so that two consumers never wait on each
     * other in opposite orders; the updates then apply in the runs' own order (the last link wins).
     *
     * @throws RunRejectedException for a run whose sub-unit is already an ancestor of its unit: linking it
     *                              would make a unit its own ancestor
     */
    private static void updateUnits(ResolutionDao resolution, ReferenceResolver.Resolved resolved,
            List<RunAccepted> events, List<Integer> storedIndexes) {
        SortedSet<UUID> touched = new TreeSet<>();
        for (int index : storedIndexes) {
            RunAccepted event = events.get(index);
            List<UUID> children = resolved.subUnits(event);
            if (!children.isEmpty() || !event.getRun().getUnitMetadata().isEmpty()) {
                touched.add(resolved.of(event).unitId());
                touched.addAll(children);
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        resolution.lockUnits(touched.toArray(UUID[]::new));
        for (int index : storedIndexes) {
            RunAccepted event = events.get(index);
            UUID unitId = resolved.of(event).unitId();
            List<UUID> children = resolved.subUnits(event);
            if (!children.isEmpty()) {
                // Read after the links of the runs before it in this batch, so a loop made across runs is seen too.
                List<UUID> ancestors = resolution.ancestors(unitId);
                if (children.stream().anyMatch(ancestors::contains)) {
                    throw new RunRejectedException(index, "BAD_REQUEST", FailureStage.RESOLVE,
                            "A sub-unit of " + event.getRun().getSerialNumber() + " among " + event.getRun().getSubUnits()
                                    + " is already its ancestor: linking it would make a unit its own ancestor");
                }
                resolution.linkSubUnits(unitId, children.toArray(UUID[]::new));
            }
            if (!event.getRun().getUnitMetadata().isEmpty()) {
                resolution.mergeUnitMetadata(unitId, RunRows.json(event.getRun().getUnitMetadata()));
            }
        }
    }
}
