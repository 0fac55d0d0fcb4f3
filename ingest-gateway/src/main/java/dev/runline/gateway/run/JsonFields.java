package dev.runline.gateway.run;

import dev.runline.gateway.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a JSON tree and records an {@link Issue} for every field that is missing,
 * of the wrong type or breaks a rule, so that one response can list every problem at once. Readers
 * return {@code null} for an absent or invalid field; callers check {@link #hasIssues()} at the end.
 * Only the first {@value #ISSUES_LISTED} issues are kept (the rest are counted): a body of a million bad
 * elements must not become a million objects and an answer larger than the request.
 */
public final class JsonFields {

    static final int ISSUES_LISTED = 100;

    /** Serials, part, revision, batch and version numbers (contract §2). */
    static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z0-9_.:+-]+$");
    static final int IDENTIFIER_MAX = 60;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Date-times outside years 1 to 9999 are refused: they are typos, and some stores cannot hold them. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** Longer durations are refused: no test runs for ten years, and the sum would leave any calendar. */
    static final Duration LONGEST = Duration.ofDays(3653);

    private final List<Issue> issues = new ArrayList<>();
    private int found;

    /** The first {@value #ISSUES_LISTED} issues found. */
    public List<Issue> issues() {
        return List.copyOf(issues);
    }

    /** Every issue found, listed or not. */
    public int issueCount() {
        return found;
    }

    public boolean hasIssues() {
        return found > 0;
    }

    public void issue(List<Object> path, String message) {
        found++;
        if (issues.size() < ISSUES_LISTED) {
            issues.add(new Issue(path, message));
        }
    }

    /**
     * Refuses what a run cannot be stored with, anywhere in the body (values kept whole as JSON included):
     * the NUL character (U+0000), which PostgreSQL cannot store in text or jsonb, in a value or a key; and
     * numbers beyond a double's range ({@code 1e400}), which would be stored as Infinity. Refused here
     * rather than failing in the processor. The field readers leave such numbers to this walk.
     */
    /**
     * 400 naming every string or key of a request body that PostgreSQL cannot store (NUL) and every number
     * that is not finite: what any route's body is checked for before its own fields are read.
     */
    public static void requireStorable(JsonNode body) {
        JsonFields fields = new JsonFields();
        fields.rejectUnstorable(body, List.of());
        if (fields.hasIssues()) {
            throw ApiException.badRequest(fields.issues(), fields.issueCount());
        }
    }

    public void rejectUnstorable(JsonNode node, List<Object> path) {
        // One switch on the node type: this walk visits every node of the body.
        switch (node.getNodeType()) {
            case NUMBER -> {
                if (finite(node) == null) {
                    issue(path, "must be a finite number");
                }
            }
            case STRING -> {
                if (node.stringValue().indexOf('\u0000') >= 0) {
                    issue(path, "must not contain the NUL character (U+0000)");
                }
            }
            case OBJECT -> {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    String key = entry.getKey();
                    List<Object> at = Issue.append(path, key.replace("\u0000", "\\u0000"));
                    if (key.indexOf('\u0000') >= 0) {
                        issue(at, "a key must not contain the NUL character (U+0000)");
                    }
                    rejectUnstorable(entry.getValue(), at);
                }
            }
            case ARRAY -> {
                for (int i = 0; i < node.size(); i++) {
                    rejectUnstorable(node.get(i), Issue.append(path, i));
                }
            }
            default -> { }
        }
    }

    /**
     * A number node's value as a finite double; null for anything else. A number beyond a double's range
     * is null too: Jackson reads {@code 1e400} as Infinity, and throws converting a 400-digit integer.
     */
    public static Double finite(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        OptionalDouble value = node.doubleValueOpt();
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value.getAsDouble() : null;
    }

    /** The field's node, or null when it is absent or JSON null. */
    public static JsonNode present(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node;
    }

    public String string(JsonNode parent, List<Object> path, String field, boolean required, int maxLength) {
        JsonNode node = present(parent, field);
        List<Object> at = Issue.append(path, field);
        if (node == null) {
            if (required) {
                issue(at, "is required");
            }
            return null;
        }
        if (!node.isString()) {
            issue(at, "must be a string");
            return null;
        }
        String value = node.stringValue();
        if (required && value.isEmpty()) {
            issue(at, "must not be empty");
            return null;
        }
        if (value.length() > maxLength) {
            issue(at, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /** An optional string that, when given, names something and so may not be empty (v1 procedure_version). */
    public String nonEmptyString(JsonNode parent, List<Object> path, String field, int maxLength) {
        String value = string(parent, path, field, false, maxLength);
        if (value != null && value.isEmpty()) {
            issue(Issue.append(path, field), "must not be empty");
            return null;
        }
        return value;
    }

    /** A serial, part, revision, batch or version number: {@code [a-zA-Z0-9_.:+-]}, 1 to 60 characters. */
    public String identifier(JsonNode parent, List<Object> path, String field, boolean required) {
        JsonNode node = present(parent, field);
        if (node == null || !node.isString()) {
            return string(parent, path, field, required, IDENTIFIER_MAX);
        }
        return identifierValue(node.stringValue(), Issue.append(path, field));
    }

    public String identifierValue(String value, List<Object> at) {
        if (value.isEmpty() || value.length() > IDENTIFIER_MAX) {
            issue(at, "must be 1 to " + IDENTIFIER_MAX + " characters");
            return null;
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            issue(at, "may contain only letters, digits and _ . : + -");
            return null;
        }
        return value;
    }

    public String email(JsonNode parent, List<Object> path, String field) {
        String value = string(parent, path, field, false, 254);
        if (value != null && (!EMAIL.matcher(value).matches() || value.chars().anyMatch(Character::isISOControl))) {
            issue(Issue.append(path, field), "must be an email address");
            return null;
        }
        return value;
    }

    public UUID uuid(JsonNode parent, List<Object> path, String field, boolean required) {
        String value = string(parent, path, field, required, 36);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        issue(Issue.append(path, field), "must be a UUID");
        return null;
    }

    public <E extends Enum<E>> E enumValue(JsonNode parent, List<Object> path, String field, Class<E> type, boolean required) {
        String value = string(parent, path, field, required, 64);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            issue(Issue.append(path, field), "must be one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    /**
     * ISO 8601 date-time with {@code Z}, with an offset, or with none (taken as UTC); fractional
     * seconds kept to the microsecond, the precision PostgreSQL stores.
     */
    public Instant dateTime(JsonNode parent, List<Object> path, String field) {
        String value = string(parent, path, field, false, 64);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = IsoDateTimes.parse(value);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                issue(Issue.append(path, field), "must be between the years 1 and 9999");
                return null;
            }
            return instant.truncatedTo(ChronoUnit.MICROS);
        } catch (java.time.DateTimeException malformed) {
            issue(Issue.append(path, field), "must be an ISO 8601 date-time, e.g. 2026-11-02T08:15:30Z");
            return null;
        }
    }

    public Integer integer(JsonNode parent, List<Object> path, String field, int min) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        Double value = finite(node);
        if (node.isNumber() && value == null) {
            return null; // beyond a double's range: reported by rejectUnstorable
        }
        // The v2 Python client sends integers as floats (3.0): an integral float is an integer.
        if (value == null || value != Math.rint(value) || value < min || value > Integer.MAX_VALUE) {
            issue(Issue.append(path, field), "must be an integer" + (min == 0 ? " >= 0" : ""));
            return null;
        }
        return value.intValue();
    }

    /** A finite JSON number; null when absent (or beyond a double's range, reported by rejectUnstorable). */
    Double number(JsonNode parent, List<Object> path, String field) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            issue(Issue.append(path, field), "must be a number");
            return null;
        }
        return finite(node);
    }

    Boolean bool(JsonNode parent, List<Object> path, String field, boolean required) {
        JsonNode node = present(parent, field);
        if (node == null) {
            if (required) {
                issue(Issue.append(path, field), "is required");
            }
            return null;
        }
        if (!node.isBoolean()) {
            issue(Issue.append(path, field), "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    /** An ISO 8601 duration without years or months ({@code PT0S}, {@code PT1M5.5S}, {@code P1DT2H}), not negative. */
    Duration duration(JsonNode parent, List<Object> path, String field) {
        String value = string(parent, path, field, false, 64);
        if (value == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.compareTo(LONGEST) > 0) {
                issue(Issue.append(path, field), "must be at most ten years");
                return null;
            }
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (java.time.format.DateTimeParseException malformed) {
            // reported below
        }
        issue(Issue.append(path, field), "must be a non-negative ISO 8601 duration, e.g. PT1M5.5S");
        return null;
    }

    /** Epoch milliseconds, possibly fractional (v1 phases), to the microsecond. */
    public Instant epochMillis(JsonNode parent, List<Object> path, String field) {
        Double millis = number(parent, path, field);
        if (millis == null) {
            return null;
        }
        if (millis < 0 || millis > 253_402_300_799_000.0) {
            issue(Issue.append(path, field), "must be epoch milliseconds between 1970 and 9999");
            return null;
        }
        long micros = Math.round(millis * 1000);
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** An array field as a list of its elements (empty when absent), each read with its index in the path. */
    <T> List<T> array(JsonNode parent, List<Object> path, String field, ElementReader<T> reader) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return List.of();
        }
        List<Object> at = Issue.append(path, field);
        if (!node.isArray()) {
            issue(at, "must be an array");
            return List.of();
        }
        List<T> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            T value = reader.read(node.get(i), Issue.append(at, i));
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * An array field kept as JSON, each element checked by {@code check} (which records its own issues);
     * null when absent or not an array.
     */
    JsonNode arrayNode(JsonNode parent, List<Object> path, String field, ElementCheck check) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return null;
        }
        List<Object> at = Issue.append(path, field);
        if (!node.isArray()) {
            issue(at, "must be an array");
            return null;
        }
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            valid &= check.check(node.get(i), Issue.append(at, i));
        }
        return valid ? node : null;
    }

    @FunctionalInterface
    interface ElementCheck {
        boolean check(JsonNode element, List<Object> at);
    }

    /** An object element of an array; records an issue and returns null for anything else. */
    public JsonNode object(JsonNode node, List<Object> at) {
        if (node == null || !node.isObject()) {
            issue(at, "must be an object");
            return null;
        }
        return node;
    }

    /** Metadata: at most {@code maxKeys} keys, values string, number or boolean, types kept. */
    Map<String, Object> metadata(JsonNode parent, List<Object> path, String field, int maxKeys) {
        JsonNode node = present(parent, field);
        if (node == null) {
            return Map.of();
        }
        List<Object> at = Issue.append(path, field);
        if (!node.isObject()) {
            issue(at, "must be an object");
            return Map.of();
        }
        if (node.size() > maxKeys) {
            issue(at, "must have at most " + maxKeys + " keys");
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isNumber() && finite(entry.getValue()) == null) {
                continue; // beyond a double's range: reported by rejectUnstorable
            }
            Object value = scalar(entry.getValue());
            if (value == null) {
                issue(Issue.append(at, entry.getKey()), "must be a string, number or boolean");
            } else {
                values.put(entry.getKey(), value);
            }
        }
        return values;
    }

    private static Object scalar(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return finite(node);
        }
        return null;
    }

    @FunctionalInterface
    interface ElementReader<T> {
        T read(JsonNode element, List<Object> at);
    }
}
