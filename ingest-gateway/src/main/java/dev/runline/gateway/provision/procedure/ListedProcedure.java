package dev.runline.gateway.provision.procedure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A procedure in {@code GET /api/v2/procedures}, in the shape of the v2 client's {@code ProcedureListData}
 * (every field it requires, with its type), plus Runline's {@code identifier}, which the client ignores.
 *
 * <p>Runline does not record who created a procedure: {@code created_by_user} is required and not nullable,
 * so it is the unknown user, {@code {"id": "", "name": null, "email": ""}}, rather than someone made up.
 * Runline links no source repositories: {@code linkedRepository} (upstream's spelling) is null.
 *
 * @param runs the most recent runs of the procedure, newest first ({@link Procedures#RECENT_RUNS} at most)
 */
public record ListedProcedure(
        UUID id,
        String identifier,
        String name,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("created_by_user") Creator createdByUser,
        List<Run> runs,
        @JsonProperty("linkedRepository") Object linkedRepository) {

    /** {@code ProcedureListCreatedByUser}: {@code id} and {@code email} are required strings, {@code name} nullable. */
    public record Creator(String id, String name, String email) {

        static final Creator UNKNOWN = new Creator("", null, "");
    }

    /** {@code outcome} is one of the client's {@code PASS FAIL ERROR TIMEOUT ABORTED}, as Runline stores runs. */
    public record Run(UUID id, String outcome, @JsonProperty("started_at") Instant startedAt, Unit unit) {}

    public record Unit(UUID id) {}

    /** A run as read for the list, with the procedure it belongs to. */
    public record RecentRun(UUID procedureId, UUID id, String outcome, Instant startedAt, UUID unitId) {

        Run listed() {
            return new Run(id, outcome, startedAt, new Unit(unitId));
        }
    }

    static ListedProcedure of(Procedure procedure, List<Run> runs) {
        return new ListedProcedure(procedure.id(), procedure.identifier(), procedure.name(), procedure.createdAt(),
                Creator.UNKNOWN, runs, null);
    }
}
