package dev.runline.gateway.provision.procedure;

import dev.runline.gateway.provision.ListQuery;
import java.time.Instant;

/**
 * The filters of {@code GET /api/v2/procedures}, as the v2 client's {@code ProcedureListRequest} names them.
 *
 * @param search        {@code search_query} as a lower-case {@code LIKE} pattern over name and identifier, or null
 * @param createdAfter  {@code created_after}, inclusive, or null
 * @param createdBefore {@code created_before}, inclusive, or null
 */
public record ProcedureFilter(String search, Instant createdAfter, Instant createdBefore) {

    /** Issues are collected in {@code query}; the caller asks it for the 400. */
    static ProcedureFilter read(ListQuery query) {
        return new ProcedureFilter(query.search(), query.instant("created_after"), query.instant("created_before"));
    }
}
