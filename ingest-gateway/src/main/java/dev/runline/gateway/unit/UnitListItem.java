package dev.runline.gateway.unit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A unit in v2 {@code units.list}, as the client's {@code UnitListData} model has it. */
public record UnitListItem(
        UUID id,
        @JsonProperty("serial_number") String serialNumber,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("created_by_user") UnitView.User createdByUser,
        @JsonProperty("created_by_station") UnitView.Station createdByStation,
        UnitView.Batch batch,
        Relative parent,
        List<Relative> children,
        UnitView.Part part,
        @JsonProperty("last_run") LastRun lastRun) {

    /** At most this many children per unit, as the model says; {@code units.get} lists them all. */
    static final int CHILDREN_LISTED = 10;

    /** The parent or a child, by serial only ({@code UnitListParent}, {@code UnitListChild}). */
    public record Relative(UUID id, @JsonProperty("serial_number") String serialNumber) {}

    public record LastRun(
            UUID id,
            String outcome,
            @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("ended_at") Instant endedAt,
            UnitView.Procedure procedure) {}
}
