package dev.runline.processor.edit;

import dev.runline.processor.persist.ResolutionDao;
import dev.runline.processor.persist.ResolvedName;
import dev.runline.processor.resolve.ResolutionPlan;
import dev.runline.schemas.event.UnitAttachment;
import dev.runline.schemas.event.UnitUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A unit's own fields changed (v2 {@code units.update}): serial, part and revision, batch, files attached (claimed
 * for it by the gateway; an attachment delivered twice is stored once). Parts, revisions and
 * batches named for the first time are created as runs create them (get-or-create); every check comes before the
 * first write, so a refused update has written nothing.
 */
final class UnitUpdates {

    /** @param requestedAt when the files were attached, as their attachments record it */
    EditOutcome apply(Handle handle, UUID organizationId, UnitUpdate update, Instant requestedAt) {
        EditDao edits = handle.attach(EditDao.class);
        String folded = update.getSerialNumber().toLowerCase(Locale.ROOT);
        List<EditDao.UnitRow> found = edits.lockUnits(organizationId, new String[] {folded});
        if (found.isEmpty()) {
            return EditOutcome.refused("NOT_FOUND", "No unit " + update.getSerialNumber() + " in this organization");
        }
        EditDao.UnitRow unit = found.getFirst();
        String newSerial = update.getNewSerialNumber();
        if (newSerial != null && edits.unitsOfSerial(organizationId, newSerial).stream().anyMatch(id -> !id.equals(unit.id()))) {
            return EditOutcome.refused("CONFLICT", "A unit " + newSerial + " already exists in this organization");
        }
        if (newSerial != null) {
            edits.rename(unit.id(), newSerial);
        }
        if (update.getPartNumber() != null || update.getRevisionNumber() != null) {
            String part = update.getPartNumber() != null ? update.getPartNumber() : unit.partNumber();
            String revision = update.getRevisionNumber() != null ? update.getRevisionNumber() : unit.revisionNumber();
            edits.setRevision(unit.id(), revision(handle.attach(ResolutionDao.class), organizationId, part, revision));
        }
        if (update.getClearBatch()) {
            edits.clearBatch(unit.id());
        } else if (update.getBatchNumber() != null) {
            edits.setBatch(unit.id(), batch(handle.attach(ResolutionDao.class), organizationId, update.getBatchNumber()));
        }
        for (UnitAttachment file : update.getAttachments()) {
            edits.attachToUnit(file.getUploadId(), organizationId, unit.id(), file.getName(), file.getObjectKey(),
                    file.getSize(), file.getContentType(), requestedAt);
        }
        return EditOutcome.applied(Map.of("id", unit.id().toString()));
    }

    private static UUID revision(ResolutionDao resolution, UUID organizationId, String partNumber, String revisionNumber) {
        resolution.insertParts(new UUID[] {UUID.randomUUID()}, new UUID[] {organizationId}, new String[] {partNumber},
                new String[] {ResolutionPlan.DEFAULT_PART_NAME});
        UUID partId = only(resolution.findParts(new UUID[] {organizationId},
                new String[] {partNumber.toLowerCase(Locale.ROOT)}));
        resolution.insertRevisions(new UUID[] {UUID.randomUUID()}, new UUID[] {partId}, new String[] {revisionNumber});
        return only(resolution.findRevisions(new UUID[] {partId}, new String[] {revisionNumber.toLowerCase(Locale.ROOT)}));
    }

    private static UUID batch(ResolutionDao resolution, UUID organizationId, String batchNumber) {
        resolution.insertBatches(new UUID[] {UUID.randomUUID()}, new UUID[] {organizationId}, new String[] {batchNumber});
        return only(resolution.findBatches(new UUID[] {organizationId}, new String[] {batchNumber.toLowerCase(Locale.ROOT)}));
    }

    private static UUID only(List<ResolvedName> found) {
        return found.getFirst().id();
    }
}
