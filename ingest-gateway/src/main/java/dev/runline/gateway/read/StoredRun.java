package dev.runline.gateway.read;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored run with what it refers to, in one row: procedure and version, unit with part, revision and batch,
 * the user or station whose key created it, and its operator. Nullable columns are the schema's.
 */
public record StoredRun(
        UUID id, Instant createdAt, Instant startedAt, Instant endedAt, String outcome, String docstring,
        UUID procedureId, String procedureName, UUID procedureVersionId, String procedureVersionTag,
        UUID unitId, String serialNumber, UUID partId, String partNumber, String partName,
        UUID revisionId, String revisionNumber, UUID batchId, String batchNumber,
        UUID creatorUserId, String creatorUserName, String creatorUserEmail,
        UUID creatorStationId, String creatorStationName,
        UUID operatorId, String operatorName, String operatorEmail) {}
