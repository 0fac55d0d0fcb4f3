package dev.runline.gateway.unit;

import java.time.Duration;
import java.util.List;

/** Assembles the unit views from the stored rows. Pure. */
final class UnitViews {

    private UnitViews() {}

    static UnitView view(StoredUnit unit, List<StoredUnit.Child> children, List<UnitView.Attachment> attachments) {
        return new UnitView(unit.id(), unit.serialNumber(), unit.createdAt(), user(unit), station(unit), part(unit),
                batch(unit),
                unit.parentId() == null ? null : new UnitView.Relative(unit.parentId(), unit.parentSerialNumber(),
                        new UnitView.Part(unit.parentPartId(), unit.parentPartNumber(), unit.parentPartName(),
                                new UnitView.Revision(unit.parentRevisionId(), unit.parentRevisionNumber()))),
                children.stream().map(child -> new UnitView.Relative(child.id(), child.serialNumber(),
                        new UnitView.Part(child.partId(), child.partNumber(), child.partName(),
                                new UnitView.Revision(child.revisionId(), child.revisionNumber())))).toList(),
                unit.firstRunId() == null ? null : new UnitView.CreatedDuring(unit.firstRunId(), unit.firstRunCreatedAt(),
                        unit.firstRunStartedAt(), unit.firstRunEndedAt(),
                        Duration.between(unit.firstRunStartedAt(), unit.firstRunEndedAt()).toString(),
                        unit.firstRunOutcome(),
                        new UnitView.Procedure(unit.firstRunProcedureId(), unit.firstRunProcedureName())),
                attachments);
    }

    /** @param children at most {@link UnitListItem#CHILDREN_LISTED} of the unit's children */
    static UnitListItem listItem(StoredUnit unit, List<StoredUnit.Child> children) {
        return new UnitListItem(unit.id(), unit.serialNumber(), unit.createdAt(), user(unit), station(unit), batch(unit),
                unit.parentId() == null ? null : new UnitListItem.Relative(unit.parentId(), unit.parentSerialNumber()),
                children.stream().map(child -> new UnitListItem.Relative(child.id(), child.serialNumber())).toList(),
                part(unit),
                unit.lastRunId() == null ? null : new UnitListItem.LastRun(unit.lastRunId(), unit.lastRunOutcome(),
                        unit.lastRunStartedAt(), unit.lastRunEndedAt(),
                        new UnitView.Procedure(unit.lastRunProcedureId(), unit.lastRunProcedureName())));
    }

    private static UnitView.User user(StoredUnit unit) {
        return unit.creatorUserId() == null ? null : new UnitView.User(unit.creatorUserId(), unit.creatorUserName());
    }

    private static UnitView.Station station(StoredUnit unit) {
        return unit.creatorStationId() == null ? null
                : new UnitView.Station(unit.creatorStationId(), unit.creatorStationName());
    }

    private static UnitView.Part part(StoredUnit unit) {
        return new UnitView.Part(unit.partId(), unit.partNumber(), unit.partName(),
                new UnitView.Revision(unit.revisionId(), unit.revisionNumber()));
    }

    private static UnitView.Batch batch(StoredUnit unit) {
        return unit.batchId() == null ? null : new UnitView.Batch(unit.batchId(), unit.batchNumber());
    }
}
