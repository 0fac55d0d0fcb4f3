package dev.runline.gateway.provision.station;

import dev.runline.gateway.provision.ListQuery;
import java.util.List;
import java.util.UUID;

/**
 * The filters of {@code GET /api/v2/stations}, as the v2 client's {@code StationListRequest} names them.
 *
 * @param search       {@code search_query} as a lower-case {@code LIKE} pattern over the name, or null
 * @param procedureIds {@code procedure_ids}: stations linked to at least one of them; empty for no filter.
 *                     An id of another organization's procedure matches no station (a filter, not a 404).
 */
public record StationFilter(String search, List<UUID> procedureIds) {

    /** Issues are collected in {@code query}; the caller asks it for the 400. */
    static StationFilter read(ListQuery query) {
        return new StationFilter(query.search(), query.uuids("procedure_ids"));
    }
}
