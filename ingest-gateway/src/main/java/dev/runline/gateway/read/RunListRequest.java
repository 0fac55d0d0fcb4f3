package dev.runline.gateway.read;

import dev.runline.gateway.http.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query of v2 {@code runs.list} (the client sends lists as repeated parameters, {@code ids=a&ids=b}).
 * Pure. Every bad parameter is listed in one 400 ({@link QueryParameters}).
 *
 * <p>Pages are offsets: {@code cursor} is the position of the page's first run in the sorted list, and
 * {@code next_cursor} that of the next page. Runs stored between two pages may shift one page by as many runs;
 * an id tie-breaker keeps the order total, so a run never appears twice in a list that does not change.
 */
record RunListRequest(RunFilter filter, String sortColumn, boolean descending, int limit, int offset) {

    static final int DEFAULT_LIMIT = 50;
    /** A larger limit is served as this one: the client pages on with {@code next_cursor}. */
    static final int MAX_LIMIT = 100;

    private static final List<String> OUTCOMES = List.of("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED");

    /** The model's sort keys, each as the constant expression the statement orders by. */
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "started_at", "r.started_at",
            "created_at", "r.received_at",
            "duration", "(r.ended_at - r.started_at)",
            "outcome", "r.outcome",
            "serial_number", "lower(u.serial_number)",
            "part_number", "lower(pa.number)",
            "revision_number", "lower(rv.number)");

    /** {@code ORDER BY} for the statement: the sort key, then the run id, both in the direction asked. */
    String order() {
        String direction = descending ? " DESC" : " ASC";
        return sortColumn + direction + ", r.id" + direction;
    }

    static RunListRequest read(MultiValueMap<String, String> query) {
        QueryParameters reader = new QueryParameters(query);
        RunFilter filter = new RunFilter(
                reader.uuids("ids"), reader.oneOf("outcomes", OUTCOMES), reader.uuids("procedure_ids"),
                reader.names("procedure_versions"),
                reader.names("serial_numbers"), reader.names("part_numbers"), reader.names("revision_numbers"),
                reader.names("batch_numbers"),
                reader.time("started_after"), reader.time("started_before"), reader.time("ended_after"),
                reader.time("ended_before"), reader.time("created_after"), reader.time("created_before"),
                reader.uuids("created_by_user_ids"), reader.uuids("created_by_station_ids"), reader.uuids("operated_by_ids"),
                reader.seconds("duration_min"), reader.seconds("duration_max"), reader.searchPattern("search_query"));
        String sortColumn = SORT_COLUMNS.get(reader.choice("sort_by", "started_at", new TreeSet<>(SORT_COLUMNS.keySet())));
        boolean descending = reader.descending("sort_order", true);
        int limit = reader.count("limit", DEFAULT_LIMIT, 1);
        int offset = reader.count("cursor", 0, 0);
        reader.failIfAnyIssue();
        return new RunListRequest(filter, sortColumn, descending, Math.min(limit, MAX_LIMIT), offset);
    }
}
