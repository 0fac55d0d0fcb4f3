package dev.runline.gateway.read;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A run in v2 {@code runs.list}, as the client's {@code RunListData} model has it: a run without its details. */
public record RunListItem(
        UUID id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("ended_at") Instant endedAt,
        String duration,
        String outcome,
        RunView.Procedure procedure,
        RunView.Unit unit,
        String docstring,
        @JsonProperty("created_by_user") RunView.Person createdByUser,
        @JsonProperty("created_by_station") RunView.Station createdByStation,
        @JsonProperty("operated_by") RunView.Person operatedBy) {

    static RunListItem of(StoredRun run) {
        RunView view = RunViews.view(run, java.util.List.of(), java.util.Map.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of());
        return new RunListItem(view.id(), view.createdAt(), view.startedAt(), view.endedAt(), view.duration(),
                view.outcome(), view.procedure(), view.unit(), view.docstring(), view.createdByUser(),
                view.createdByStation(), view.operatedBy());
    }
}
