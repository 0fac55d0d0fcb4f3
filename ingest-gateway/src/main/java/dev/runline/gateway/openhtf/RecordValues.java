package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import dev.runline.gateway.run.JsonText;
import dev.runline.schemas.event.JsonValue;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The field readers of {@link JsonFields}, plus the checks the run readers leave to their walk over the whole
 * body ({@code rejectUnstorable}: the NUL character, numbers beyond a double's range). An OpenHTF record is
 * mostly what Runline does not keep (phase options, source code, diagnosers, plug state), so refusing a NUL in
 * a part that is never stored would refuse a good record: the checks are made on each value that is kept.
 */
final class RecordValues {

    /** Deeper values kept whole are refused: OpenHTF's rows are two levels deep, and a walk must not overflow the stack. */
    static final int WHOLE_DEPTH_MAX = 64;

    private final JsonFields fields;

    RecordValues(JsonFields fields) {
        this.fields = fields;
    }

    JsonFields fields() {
        return fields;
    }

    void issue(List<Object> at, String message) {
        fields.issue(at, message);
    }

    /** A string field refused over {@code maxLength} (names, identifiers); null when absent or invalid. */
    String text(JsonNode parent, List<Object> path, String field, boolean required, int maxLength) {
        return storable(fields.string(parent, path, field, required, maxLength), Issue.append(path, field));
    }

    /** A string that names something (the procedure version): when given, not empty. */
    String nonEmptyText(JsonNode parent, List<Object> path, String field, int maxLength) {
        String value = text(parent, path, field, false, maxLength);
        if (value != null && value.isEmpty()) {
            fields.issue(Issue.append(path, field), "must not be empty");
            return null;
        }
        return value;
    }

    /**
     * Free text (docstrings), cut at {@code maxLength} rather than refused: a record is written by OpenHTF from
     * the test's code, and a station cannot shorten a docstring or a traceback to get its run imported.
     */
    String freeText(JsonNode parent, List<Object> path, String field, int maxLength) {
        String value = text(parent, path, field, false, Integer.MAX_VALUE);
        return value == null ? null : truncate(value, maxLength);
    }

    /** The value itself, or null (with an issue) when it holds the NUL character, which PostgreSQL cannot store. */
    String storable(String value, List<Object> at) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            fields.issue(at, "must not contain the NUL character (U+0000)");
            return null;
        }
        return value;
    }

    /** Epoch milliseconds (OpenHTF's {@code *_millis}); null when absent or invalid. */
    Instant millis(JsonNode parent, List<Object> path, String field) {
        return finite(parent, path, field) ? fields.epochMillis(parent, path, field) : null;
    }

    Integer integer(JsonNode parent, List<Object> path, String field, int min) {
        return finite(parent, path, field) ? fields.integer(parent, path, field, min) : null;
    }

    /** An object field; null, with an issue, when present but not an object. */
    JsonNode object(JsonNode parent, List<Object> path, String field) {
        JsonNode node = JsonFields.present(parent, field);
        if (node != null && !node.isObject()) {
            fields.issue(Issue.append(path, field), "must be an object");
            return null;
        }
        return node;
    }

    /**
     * A value kept whole as JSON (rows of a dimensioned measurement, a list value), checked as the run readers
     * check a body: not nested too deep, every number finite, no NUL in any string or key.
     */
    JsonValue whole(JsonNode node, List<Object> at) {
        if (!shallow(node, WHOLE_DEPTH_MAX)) {
            fields.issue(at, "must not be nested deeper than " + WHOLE_DEPTH_MAX + " levels");
            return null;
        }
        int before = fields.issueCount();
        fields.rejectUnstorable(node, at);
        return fields.issueCount() == before ? new JsonValue(JsonText.of(node)) : null;
    }

    /**
     * False, with an issue, for a number beyond a double's range or not a number at all (NaN): JsonFields'
     * readers leave those to the run readers' walk over the body, which the converter does not make.
     */
    private boolean finite(JsonNode parent, List<Object> path, String field) {
        JsonNode node = JsonFields.present(parent, field);
        if (node != null && node.isNumber() && JsonFields.finite(node) == null) {
            fields.issue(Issue.append(path, field), "must be a finite number");
            return false;
        }
        return true;
    }

    private static boolean shallow(JsonNode node, int levels) {
        if (!node.isContainer()) {
            return true;
        }
        if (levels == 0) {
            return false;
        }
        for (JsonNode child : node.values()) {
            if (!shallow(child, levels - 1)) {
                return false;
            }
        }
        return true;
    }

    /** At most {@code maxLength} chars, never ending inside a surrogate pair (whose lone half UTF-8 cannot encode). */
    static String truncate(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }
}
