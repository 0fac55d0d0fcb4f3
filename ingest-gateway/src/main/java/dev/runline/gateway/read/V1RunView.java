package dev.runline.gateway.read;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A run as the v1 client's {@code get_runs} types it ({@code tofupilot.v1.responses.Run}): the required
 * {@code id}, {@code created_at}, {@code started_at}, {@code ended_at}, {@code duration}, {@code outcome}, and
 * what a station checks before the next step (procedure and version, unit with revision, part and batch, who
 * created it). Phases and measurements are left to v2 {@code runs.get}: a unit's history can be long.
 */
public record V1RunView(
        UUID id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("ended_at") Instant endedAt,
        String duration,
        String outcome,
        Procedure procedure,
        @JsonProperty("procedure_version") ProcedureVersion procedureVersion,
        Unit unit,
        @JsonProperty("created_by_user") Named createdByUser,
        @JsonProperty("created_by_station") Named createdByStation) {

    public record Procedure(UUID id, String name) {}

    /** v1 names a version's tag {@code value}. */
    public record ProcedureVersion(UUID id, String value) {}

    public record Unit(UUID id, @JsonProperty("serial_number") String serialNumber, Batch batch, Revision revision) {}

    public record Batch(UUID id, String number) {}

    /** v1 names a revision's number {@code identifier}, and its part {@code component}. */
    public record Revision(UUID id, String identifier, Component component) {}

    public record Component(UUID id, @JsonProperty("part_number") String partNumber, String name) {}

    public record Named(UUID id, String name) {}

    static V1RunView of(StoredRun run) {
        return new V1RunView(run.id(), run.createdAt(), run.startedAt(), run.endedAt(),
                RunViews.duration(run.startedAt(), run.endedAt()), run.outcome(),
                new Procedure(run.procedureId(), run.procedureName()),
                run.procedureVersionId() == null ? null : new ProcedureVersion(run.procedureVersionId(), run.procedureVersionTag()),
                new Unit(run.unitId(), run.serialNumber(),
                        run.batchId() == null ? null : new Batch(run.batchId(), run.batchNumber()),
                        new Revision(run.revisionId(), run.revisionNumber(),
                                new Component(run.partId(), run.partNumber(), run.partName()))),
                run.creatorUserId() == null ? null : new Named(run.creatorUserId(), run.creatorUserName()),
                run.creatorStationId() == null ? null : new Named(run.creatorStationId(), run.creatorStationName()));
    }
}
