package dev.runline.gateway.read;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.run.Issue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query of v2 {@code runs.list} (the client sends lists as repeated parameters, {@code ids=a&ids=b}).
 * Pure. Every bad parameter is listed in one 400, each with its name (and position in a list) as path.
 *
 * <p>Pages are offsets: {@code cursor} is the position of the page's first run in the sorted list, and
 * {@code next_cursor} that of the next page. Runs stored between two pages may shift one page by as many runs;
 * an id tie-breaker keeps the order total, so a run never appears twice in a list that does not change.
 */
record RunListRequest(RunFilter filter, String sortColumn, boolean descending, int limit, int offset) {

    static final int DEFAULT_LIMIT = 50;
    /** A larger limit is served as this one: the client pages on with {@code next_cursor}. */
    static final int MAX_LIMIT = 100;

    private static final Set<String> OUTCOMES = Set.of("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED");

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
        List<Issue> issues = new ArrayList<>();
        Reader reader = new Reader(query, issues);
        RunFilter filter = new RunFilter(
                reader.uuids("ids"), reader.outcomes(), reader.uuids("procedure_ids"), reader.names("procedure_versions"),
                reader.names("serial_numbers"), reader.names("part_numbers"), reader.names("revision_numbers"),
                reader.names("batch_numbers"),
                reader.time("started_after"), reader.time("started_before"), reader.time("ended_after"),
                reader.time("ended_before"), reader.time("created_after"), reader.time("created_before"),
                reader.uuids("created_by_user_ids"), reader.uuids("created_by_station_ids"), reader.uuids("operated_by_ids"),
                reader.seconds("duration_min"), reader.seconds("duration_max"), reader.searchPattern());
        String sortBy = reader.single("sort_by", "started_at");
        String sortColumn = SORT_COLUMNS.get(sortBy);
        if (sortColumn == null) {
            issues.add(new Issue(List.of("sort_by"), "must be one of " + new java.util.TreeSet<>(SORT_COLUMNS.keySet())));
        }
        String sortOrder = reader.single("sort_order", "desc");
        if (!sortOrder.equals("asc") && !sortOrder.equals("desc")) {
            issues.add(new Issue(List.of("sort_order"), "must be asc or desc"));
        }
        int limit = reader.count("limit", DEFAULT_LIMIT, 1);
        int offset = reader.count("cursor", 0, 0);
        if (!issues.isEmpty()) {
            throw ApiException.badRequest(issues.subList(0, Math.min(issues.size(), 100)), issues.size());
        }
        return new RunListRequest(filter, sortColumn, sortOrder.equals("desc"), Math.min(limit, MAX_LIMIT), offset);
    }

    private record Reader(MultiValueMap<String, String> query, List<Issue> issues) {

        List<String> values(String name) {
            List<String> values = query.get(name);
            return values == null ? List.of() : values;
        }

        String[] uuids(String name) {
            List<String> values = values(name);
            List<String> ids = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                try {
                    ids.add(UUID.fromString(values.get(i)).toString());
                } catch (IllegalArgumentException e) {
                    issues.add(new Issue(List.of(name, i), "must be a uuid"));
                }
            }
            return ids.toArray(String[]::new);
        }

        String[] outcomes() {
            List<String> values = values("outcomes");
            for (int i = 0; i < values.size(); i++) {
                if (!OUTCOMES.contains(values.get(i))) {
                    issues.add(new Issue(List.of("outcomes", i), "must be one of PASS, FAIL, ERROR, TIMEOUT, ABORTED"));
                }
            }
            return values.toArray(String[]::new);
        }

        String[] names(String name) {
            return values(name).stream().map(value -> value.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        }

        String single(String name, String otherwise) {
            List<String> values = values(name);
            if (values.size() > 1) {
                issues.add(new Issue(List.of(name), "must be given once"));
            }
            return values.isEmpty() ? otherwise : values.getFirst();
        }

        Instant time(String name) {
            String value = single(name, null);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                issues.add(new Issue(List.of(name), "must be an ISO 8601 date-time with an offset"));
                return null;
            }
        }

        Double seconds(String name) {
            String value = single(name, null);
            if (value == null) {
                return null;
            }
            try {
                return Duration.parse(value).toNanos() / 1e9;
            } catch (DateTimeParseException | ArithmeticException e) {
                issues.add(new Issue(List.of(name), "must be an ISO 8601 duration, e.g. PT1M30S"));
                return null;
            }
        }

        /** The client sends numbers as {@code 50} or {@code 50.0}. */
        int count(String name, int otherwise, int least) {
            String value = single(name, null);
            if (value == null) {
                return otherwise;
            }
            try {
                double number = Double.parseDouble(value);
                if (number == Math.rint(number) && number >= least && number <= Integer.MAX_VALUE) {
                    return (int) number;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            issues.add(new Issue(List.of(name), "must be an integer of at least " + least));
            return otherwise;
        }

        /** A LIKE pattern for the text as typed (its wildcards escaped), or null. */
        String searchPattern() {
            String value = single("search_query", null);
            if (value == null || value.isBlank()) {
                return null;
            }
            String escaped = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return "%" + escaped + "%";
        }
    }
}
