package dev.runline.gateway.http;

import dev.runline.gateway.run.Issue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query of a v2 list route as the client sends it: lists as repeated parameters ({@code ids=a&ids=b},
 * form style, exploded), numbers as {@code 50} or {@code 50.0}, booleans as {@code true}/{@code false}. Pure.
 * Each bad parameter adds an {@link Issue} (its name, and its position in a list, as path) instead of failing, so
 * that {@link #failIfAnyIssue()} answers every one of them in one 400.
 */
public final class QueryParameters {

    /** More issues than this are counted in the answer, not listed. */
    private static final int ISSUES_LISTED = 100;

    private final MultiValueMap<String, String> query;
    private final List<Issue> issues = new ArrayList<>();

    public QueryParameters(MultiValueMap<String, String> query) {
        this.query = query;
    }

    /** Adds an issue found by the caller (a combination of parameters, say). */
    public void issue(String name, String message) {
        issues.add(new Issue(List.of(name), message));
    }

    /** The 400 listing every issue found so far; nothing when there is none. */
    public void failIfAnyIssue() {
        if (!issues.isEmpty()) {
            throw ApiException.badRequest(issues.subList(0, Math.min(issues.size(), ISSUES_LISTED)), issues.size());
        }
    }

    public List<String> values(String name) {
        List<String> values = query.get(name);
        return values == null ? List.of() : values;
    }

    /**
     * One of {@code allowed} (listed in the issue in their iteration order). Another value adds an issue and reads
     * as {@code otherwise}, so that the caller may go on reading the rest of the query.
     */
    public String choice(String name, String otherwise, Collection<String> allowed) {
        String value = single(name, otherwise);
        if (value != null && !allowed.contains(value)) {
            issues.add(new Issue(List.of(name), "must be one of " + allowed));
            return otherwise;
        }
        return value;
    }

    /** A {@code sort_order}: {@code asc} or {@code desc}. */
    public boolean descending(String name, boolean otherwise) {
        String value = single(name, null);
        if (value == null) {
            return otherwise;
        }
        if (!value.equals("asc") && !value.equals("desc")) {
            issues.add(new Issue(List.of(name), "must be asc or desc"));
            return otherwise;
        }
        return value.equals("desc");
    }

    /** A list of uuids, as text (for a statement to cast); empty when absent. */
    public String[] uuids(String name) {
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

    /** A list of values of an enum, as sent (they are case-sensitive in the model); {@code allowed} in the model's order. */
    public String[] oneOf(String name, List<String> allowed) {
        List<String> values = values(name);
        for (int i = 0; i < values.size(); i++) {
            if (!allowed.contains(values.get(i))) {
                issues.add(new Issue(List.of(name, i), "must be one of " + String.join(", ", allowed)));
            }
        }
        return values.toArray(String[]::new);
    }

    /** A list of names, lower-cased: names match case-insensitively, as their unique indexes do. */
    public String[] names(String name) {
        return values(name).stream().map(value -> value.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    public String single(String name, String otherwise) {
        List<String> values = values(name);
        if (values.size() > 1) {
            issues.add(new Issue(List.of(name), "must be given once"));
        }
        return values.isEmpty() ? otherwise : values.getFirst();
    }

    public Instant time(String name) {
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

    /** An ISO 8601 duration, in seconds; null when absent. */
    public Double seconds(String name) {
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

    /** A whole number of at least {@code least}; the client may write it {@code 50.0}. */
    public int count(String name, int otherwise, int least) {
        Integer value = countOrNull(name, least);
        return value == null ? otherwise : value;
    }

    /** As {@link #count}, null when absent (or bad: the issue is added). */
    public Integer countOrNull(String name, int least) {
        String value = single(name, null);
        if (value == null) {
            return null;
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
        return null;
    }

    /** {@code true} or {@code false}, as the client writes a bool (any case). */
    public boolean flag(String name, boolean otherwise) {
        String value = single(name, null);
        if (value == null) {
            return otherwise;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        issues.add(new Issue(List.of(name), "must be true or false"));
        return otherwise;
    }

    /** A LIKE pattern for the text as typed (its wildcards escaped), or null when absent or blank. */
    public String searchPattern(String name) {
        String value = single(name, null);
        if (value == null || value.isBlank()) {
            return null;
        }
        String escaped = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
