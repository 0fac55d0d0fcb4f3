package dev.runline.gateway.unit;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored unit with what it refers to, in one row ({@code UnitReadDao/units.sql}): part, revision and batch; its
 * parent with the parent's part and revision; the run that created it (the first stored that names it, as its unit
 * or a sub-unit) with that run's creator; and its latest run. Every column after the revision's may be null.
 */
record StoredUnit(
        UUID id, String serialNumber, Instant createdAt,
        UUID partId, String partNumber, String partName, UUID revisionId, String revisionNumber,
        UUID batchId, String batchNumber,
        UUID parentId, String parentSerialNumber, UUID parentPartId, String parentPartNumber, String parentPartName,
        UUID parentRevisionId, String parentRevisionNumber,
        UUID firstRunId, Instant firstRunCreatedAt, Instant firstRunStartedAt, Instant firstRunEndedAt,
        String firstRunOutcome, UUID firstRunProcedureId, String firstRunProcedureName,
        UUID creatorUserId, String creatorUserName, UUID creatorStationId, String creatorStationName,
        UUID lastRunId, String lastRunOutcome, Instant lastRunStartedAt, Instant lastRunEndedAt,
        UUID lastRunProcedureId, String lastRunProcedureName) {

    /** A unit under another one, with its part and revision. */
    record Child(UUID parentId, UUID id, String serialNumber, UUID partId, String partNumber, String partName,
            UUID revisionId, String revisionNumber) {}
}
