package dev.runline.gateway.provision;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.run.Issue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of upstream's list routes as its v2 client sends them ({@code style=form,
 * explode=true}: a list is the parameter repeated), read and validated (pure). Every issue found is
 * collected; {@link #requireValid()} answers them all in one 400 whose issue paths name the parameters.
 * Parameters the route does not know are ignored, as upstream does.
 */
public final class ListQuery {

    public static final int DEFAULT_LIMIT = 50;
    /**
     * A larger {@code limit} is lowered to this rather than refused: the client follows {@code next_cursor}
     * whatever the page size, so a smaller page costs it one more request and breaks nothing.
     */
    public static final int MAX_LIMIT = 100;

    private final MultiValueMap<String, String> parameters;
    private final List<Issue> issues = new ArrayList<>();

    private ListQuery(MultiValueMap<String, String> parameters) {
        this.parameters = parameters;
    }

    public static ListQuery of(MultiValueMap<String, String> parameters) {
        return new ListQuery(parameters);
    }

    /** Which slice of the list: {@code limit} rows from {@code offset}. */
    public record Window(int limit, int offset) {}

    /**
     * {@code limit} (1 or more, default 50, at most {@value #MAX_LIMIT}) and {@code cursor}, the offset the
     * previous page answered in {@code next_cursor}. The client types the procedures' cursor as a float, so
     * {@code 50.0} is read as {@code 50}; a fraction or a negative number is a 400.
     */
    public Window window() {
        Integer limit = whole("limit");
        if (limit != null && limit < 1) {
            issue("limit", "must be at least 1");
        }
        Integer offset = whole("cursor");
        if (offset != null && offset < 0) {
            issue("cursor", "must not be negative");
        }
        int size = limit == null || limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        return new Window(size, offset == null || offset < 0 ? 0 : offset);
    }

    /**
     * {@code search_query} as a {@code LIKE} pattern matching it anywhere, case-insensitively (lower case;
     * the statement lowers the column), with {@code %} and {@code _} matched literally through the escape
     * character {@code !} (not a backslash: Jdbi's parser reads {@code '\'} as an open quote): null when
     * absent or blank.
     */
    public String search() {
        String value = single("search_query");
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > Fields.NAME_MAX) {
            issue("search_query", "must be at most " + Fields.NAME_MAX + " characters");
            return null;
        }
        String literal = value.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + literal + "%";
    }

    /**
     * An ISO 8601 instant. The client sends a zoned datetime as {@code 2024-01-01T00:00:00Z} and a naive one
     * without an offset, read as UTC; a date alone is its start in UTC. A {@code +} sent unencoded arrives
     * as a blank and is read back as {@code +}.
     */
    public Instant instant(String name) {
        String value = single(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException zoned) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException naive) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException date) {
                    issue(name, "must be an ISO 8601 date-time, e.g. 2024-01-01T00:00:00Z");
                    return null;
                }
            }
        }
    }

    /** Every uuid sent in the repeated parameter (a comma-separated value is split too); empty when absent. */
    public List<UUID> uuids(String name) {
        List<UUID> ids = new ArrayList<>();
        List<String> values = parameters.getOrDefault(name, List.of());
        for (String value : values) {
            for (String part : value.split(",")) {
                String text = part.strip();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    if (text.length() != 36) {
                        throw new IllegalArgumentException(text);
                    }
                    ids.add(UUID.fromString(text));
                } catch (IllegalArgumentException malformed) {
                    issue(name, "must be uuids, got " + abbreviated(text));
                }
            }
        }
        return List.copyOf(ids);
    }

    /** {@code true} or {@code false} (as the client writes them; any case); null when absent. */
    public Boolean flag(String name) {
        String value = single(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                issue(name, "must be true or false");
                yield null;
            }
        };
    }

    /** 400 listing every issue found, when there is one. */
    public void requireValid() {
        if (!issues.isEmpty()) {
            throw ApiException.badRequest(issues, issues.size());
        }
    }

    private Integer whole(String name) {
        String value = single(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (number.stripTrailingZeros().scale() > 0) {
                return fraction(name);
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException malformed) {
            return fraction(name);
        }
    }

    private Integer fraction(String name) {
        issue(name, "must be a whole number");
        return null;
    }

    /** The first value; a parameter sent twice is read as the client would never send it, by its first. */
    private String single(String name) {
        return parameters.getFirst(name);
    }

    private void issue(String parameter, String message) {
        issues.add(new Issue(List.of(parameter), message));
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
