package dev.runline.processor.edit;

import dev.runline.processor.TransientStoreException;
import dev.runline.processor.persist.RejectedData;
import dev.runline.processor.persist.ResolutionDao;
import dev.runline.processor.persist.RunRows;
import dev.runline.schemas.Genealogy;
import dev.runline.schemas.event.ChildAddition;
import dev.runline.schemas.event.ChildRemoval;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunsDeletion;
import dev.runline.schemas.event.UnitUpdate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one edit in one transaction and records its outcome there ({@code edits}), so that a redelivered edit
 * is recognised and skipped. An edit that cannot apply to what is stored (a cycle, a unit that is gone) is
 * recorded as refused: it is answered to its caller, and retrying it could never help. Only a database that is
 * unavailable is worth a retry; that leaves as {@link TransientStoreException}.
 */
@Component
public class EditApplier {

    private static final Logger log = LoggerFactory.getLogger(EditApplier.class);

    private final Jdbi jdbi;
    private final UnitUpdates unitUpdates = new UnitUpdates();

    public EditApplier(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @throws TransientStoreException when the database failed in a way worth retrying */
    public void apply(EditRequested edit) {
        try {
            jdbi.useTransaction(handle -> {
                EditDao edits = handle.attach(EditDao.class);
                if (!edits.recorded(edit.getEditId())) {
                    record(edits, edit, outcome(handle, edit));
                }
            });
        } catch (JdbiException e) {
            if (TransientStoreException.isTransient(e)) {
                throw new TransientStoreException("Database unavailable while applying edit " + edit.getEditId(), e);
            }
            if (!RejectedData.isDataError(e)) {
                throw e;
            }
            // Rolled back: nothing of it is stored. The refusal is recorded on its own.
            EditOutcome refused = EditOutcome.refused("BAD_REQUEST", "The database refused the edit: " + RejectedData.describe(e));
            jdbi.useTransaction(handle -> record(handle.attach(EditDao.class), edit, refused));
        }
    }

    private EditOutcome outcome(Handle handle, EditRequested edit) {
        EditDao edits = handle.attach(EditDao.class);
        UUID organizationId = edit.getOrganizationId();
        return switch (edit.getChange()) {
            case RunsDeletion deletion -> deleteRuns(edits, organizationId, deletion);
            case ChildAddition addition -> addChild(edits, handle.attach(ResolutionDao.class), organizationId, addition);
            case ChildRemoval removal -> removeChild(edits, organizationId, removal);
            case UnitUpdate update -> unitUpdates.apply(handle, organizationId, update, edit.getRequestedAt());
            default -> throw new IllegalStateException("Unknown change " + edit.getChange().getClass());
        };
    }

    private static EditOutcome deleteRuns(EditDao edits, UUID organizationId, RunsDeletion deletion) {
        UUID[] runIds = edits.lockRuns(organizationId, deletion.getRunIds().toArray(UUID[]::new)).toArray(UUID[]::new);
        if (runIds.length > 0) {
            edits.deleteMeasurements(runIds);
            edits.deletePhases(runIds);
            edits.deleteLogs(runIds);
            edits.deleteSubUnitLinks(runIds);
            edits.deleteAttachments(runIds);
            edits.unlinkUploads(runIds);
            edits.deleteRuns(runIds);
        }
        return EditOutcome.applied(Map.of("id", List.of(runIds).stream().map(UUID::toString).toList()));
    }

    private static EditOutcome addChild(EditDao edits, ResolutionDao resolution, UUID organizationId, ChildAddition addition) {
        Pair pair = Pair.lock(edits, organizationId, addition.getParentSerialNumber(), addition.getChildSerialNumber());
        if (pair.missing() != null) {
            return EditOutcome.refused("NOT_FOUND", pair.missing());
        }
        String cycle = Genealogy.cycle(pair.parent().id(), pair.parent().serialNumber(), pair.child().id(),
                pair.child().serialNumber(), resolution.ancestors(pair.parent().id()));
        if (cycle != null) {
            return EditOutcome.refused("BAD_REQUEST", cycle);
        }
        edits.setParent(pair.child().id(), pair.parent().id());
        return EditOutcome.applied(Map.of("id", pair.child().id().toString()));
    }

    private static EditOutcome removeChild(EditDao edits, UUID organizationId, ChildRemoval removal) {
        Pair pair = Pair.lock(edits, organizationId, removal.getParentSerialNumber(), removal.getChildSerialNumber());
        if (pair.missing() != null) {
            return EditOutcome.refused("NOT_FOUND", pair.missing());
        }
        if (edits.clearParent(pair.child().id(), pair.parent().id()) == 0) {
            return EditOutcome.refused("NOT_FOUND",
                    "Unit " + pair.child().serialNumber() + " is not a sub-unit of " + pair.parent().serialNumber());
        }
        return EditOutcome.applied(Map.of("id", pair.child().id().toString()));
    }

    private static void record(EditDao edits, EditRequested edit, EditOutcome outcome) {
        String kind = edit.getChange().getClass().getSimpleName();
        edits.record(edit.getEditId(), edit.getOrganizationId(), kind, outcome.applied() ? "applied" : "refused",
                outcome.errorCode(), outcome.message(), RunRows.json(outcome.result()), edit.getRequestedAt());
        log.info("event=edit_{} edit_id={} kind={} code={}", outcome.applied() ? "applied" : "refused",
                edit.getEditId(), kind, outcome.errorCode());
    }

    /** A parent and a child named by serial, both locked. */
    private record Pair(EditDao.UnitRow parent, EditDao.UnitRow child, String missing) {

        static Pair lock(EditDao edits, UUID organizationId, String parentSerial, String childSerial) {
            String parentFolded = parentSerial.toLowerCase(Locale.ROOT);
            String childFolded = childSerial.toLowerCase(Locale.ROOT);
            List<EditDao.UnitRow> units = edits.lockUnits(organizationId, new String[] {parentFolded, childFolded});
            EditDao.UnitRow parent = find(units, parentFolded);
            EditDao.UnitRow child = find(units, childFolded);
            String missing = parent == null ? "No unit " + parentSerial + " in this organization"
                    : child == null ? "No unit " + childSerial + " in this organization" : null;
            return new Pair(parent, child, missing);
        }

        private static EditDao.UnitRow find(List<EditDao.UnitRow> units, String folded) {
            return units.stream().filter(unit -> unit.serialNumber().toLowerCase(Locale.ROOT).equals(folded))
                    .findFirst().orElse(null);
        }
    }
}
