package dev.runline.gateway.provision.station;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A station in {@code GET /api/v2/stations}, in the shape of the v2 client's {@code StationListData} (every
 * field it requires, with its type), plus Runline's {@code created_at} and {@code procedure_ids} (as in the
 * link and unlink answers), which the client ignores. Runline has no teams: {@code team} is null.
 *
 * @param procedures      every procedure linked to the station, by name
 * @param proceduresCount how many there are (the client types it as a number)
 */
public record ListedStation(
        UUID id,
        String name,
        List<LinkedProcedure> procedures,
        @JsonProperty("procedures_count") int proceduresCount,
        Object team,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("procedure_ids") List<UUID> procedureIds) {

    /** {@code StationListProcedure}; {@code identifier} is nullable there and always set in Runline. */
    public record LinkedProcedure(UUID id, String identifier, String name) {}

    /** A station's row, without its links. */
    public record Row(UUID id, String name, Instant createdAt) {}

    /** A link as read for the list, with the station it belongs to. */
    public record Link(UUID stationId, UUID id, String identifier, String name) {

        LinkedProcedure procedure() {
            return new LinkedProcedure(id, identifier, name);
        }
    }

    static ListedStation of(Row row, List<LinkedProcedure> procedures) {
        return new ListedStation(row.id(), row.name(), procedures, procedures.size(), null, row.createdAt(),
                procedures.stream().map(LinkedProcedure::id).toList());
    }
}
