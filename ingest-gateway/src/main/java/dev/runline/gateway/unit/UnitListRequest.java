package dev.runline.gateway.unit;

import dev.runline.gateway.http.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query of v2 {@code units.list} ({@code UnitListRequest}; lists as repeated parameters). Pure. Every bad
 * parameter is listed in one 400 ({@link QueryParameters}).
 *
 * <p>Pages are offsets, as for runs: {@code cursor} is the position of the page's first unit in the sorted list.
 * The unit id breaks ties, so the order is total and a unit never appears twice in a list that does not change.
 */
record UnitListRequest(UnitFilter filter, String sortColumn, boolean descending, int limit, int offset) {

    /** The model's default. */
    static final int DEFAULT_LIMIT = 50;
    /** A larger limit is served as this one (as for runs): the client pages on with {@code next_cursor}. */
    static final int MAX_LIMIT = 100;

    private static final List<String> OUTCOMES = List.of("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED");

    /**
     * The model's sort keys, each as the constant expression the statement orders by ({@code lr} is the unit's
     * latest run, {@code lp} its procedure).
     */
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "serial_number", "lower(u.serial_number)",
            "created_at", "u.created_at",
            "last_run_at", "lr.started_at",
            "part_number", "lower(pa.number)",
            "last_run_procedure", "lower(lp.name)");

    /**
     * {@code ORDER BY} for the statement: the sort key, units without a run last in either direction, then the
     * unit id in the direction asked.
     */
    String order() {
        String direction = descending ? " DESC" : " ASC";
        return sortColumn + direction + " NULLS LAST, u.id" + direction;
    }

    static UnitListRequest read(MultiValueMap<String, String> query) {
        QueryParameters reader = new QueryParameters(query);
        UnitFilter filter = new UnitFilter(reader.searchPattern("search_query"), reader.uuids("ids"),
                reader.names("serial_numbers"), reader.names("part_numbers"), reader.names("revision_numbers"),
                reader.names("batch_numbers"), reader.uuids("procedure_ids"), reader.oneOf("outcomes", OUTCOMES),
                reader.time("started_after"), reader.time("started_before"), reader.flag("latest_only", false),
                reader.countOrNull("run_count_min", 0), reader.countOrNull("run_count_max", 0),
                reader.time("created_after"), reader.time("created_before"),
                reader.uuids("created_by_user_ids"), reader.uuids("created_by_station_ids"),
                reader.flag("exclude_units_with_parent", false));
        String sortColumn = SORT_COLUMNS.get(reader.choice("sort_by", "created_at", new TreeSet<>(SORT_COLUMNS.keySet())));
        boolean descending = reader.descending("sort_order", true);
        int limit = reader.count("limit", DEFAULT_LIMIT, 1);
        int offset = reader.count("cursor", 0, 0);
        reader.failIfAnyIssue();
        return new UnitListRequest(filter, sortColumn, descending, Math.min(limit, MAX_LIMIT), offset);
    }
}
