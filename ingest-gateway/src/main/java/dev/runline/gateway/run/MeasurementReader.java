package dev.runline.gateway.run;

import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.MeasurementOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a measurement (contract §4), the same in v1 and v2: typed values, units, validators,
 * aggregations and data series checked field by field and kept whole as JSON; deprecated
 * {@code lower_limit}/{@code upper_limit} become validators {@code >=} and {@code <=}.
 */
final class MeasurementReader {

    static final Set<String> OPERATORS = Set.of(">", ">=", "<", "<=", "==", "!=", "matches", "in", "not in", "range");

    private MeasurementReader() {}

    static Measurement read(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return null;
        }
        String name = fields.string(node, at, "name", true, V2RunReader.NAME_MAX);
        MeasurementOutcome outcome = JsonFields.present(node, "outcome") == null
                ? MeasurementOutcome.UNSET
                : fields.enumValue(node, at, "outcome", MeasurementOutcome.class, true);
        Object units = units(fields, node, at, "units");
        JsonNode validators = fields.arrayNode(node, at, "validators", (v, vAt) -> validator(fields, v, vAt));
        Double lower = fields.number(node, at, "lower_limit");
        Double upper = fields.number(node, at, "upper_limit");
        JsonNode aggregations = aggregations(fields, node, at);
        JsonNode xAxis = JsonFields.present(node, "x_axis");
        if (xAxis != null && !series(fields, xAxis, Issue.append(at, "x_axis"))) {
            xAxis = null;
        }
        JsonNode yAxis = fields.arrayNode(node, at, "y_axis", (series, seriesAt) -> series(fields, series, seriesAt));
        String docstring = fields.string(node, at, "docstring", false, V2RunReader.DOCSTRING_MAX);
        if (name == null || outcome == null) {
            return null;
        }
        return Measurement.newBuilder()
                .setName(name)
                .setOutcome(outcome)
                .setMeasuredValue(measuredValue(JsonFields.present(node, "measured_value")))
                .setUnits(units)
                .setValidators(validators(validators, lower, upper))
                .setAggregations(whole(aggregations))
                .setXAxis(whole(xAxis))
                .setYAxis(whole(yAxis))
                .setDocstring(docstring)
                .build();
    }

    /**
     * The validators sent, then the deprecated limits as the validators they mean ({@code >=} and {@code <=});
     * null when there are neither. Written as JSON text directly: most stations still send only the limits.
     */
    static JsonValue validators(JsonNode sent, Double lower, Double upper) {
        if (sent == null && lower == null && upper == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(128).append('[');
        if (sent != null) {
            for (int i = 0; i < sent.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                JsonText.write(sent.get(i), text);
            }
        }
        legacyLimit(text, ">=", lower);
        legacyLimit(text, "<=", upper);
        return new JsonValue(text.append(']').toString());
    }

    private static void legacyLimit(StringBuilder validators, String operator, Double limit) {
        if (limit == null) {
            return;
        }
        if (validators.length() > 1) {
            validators.append(',');
        }
        validators.append("{\"operator\":\"").append(operator).append("\",\"expected_value\":");
        JsonText.writeNumber(limit, validators);
        validators.append('}');
    }

    /**
     * Numbers, strings and booleans keep their type; rows, objects and arrays are kept whole as JSON. A
     * number beyond a double's range is null here: the reader's walk over the body refused it.
     */
    static Object measuredValue(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return JsonFields.finite(node);
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return new JsonValue(JsonText.of(node));
    }

    /** A string, or a list of strings. */
    static Object units(JsonFields fields, JsonNode node, List<Object> at, String field) {
        JsonNode units = JsonFields.present(node, field);
        if (units == null) {
            return null;
        }
        if (units.isString()) {
            return units.stringValue();
        }
        if (units.isArray()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                if (!units.get(i).isString()) {
                    fields.issue(Issue.append(Issue.append(at, field), i), "must be a string");
                } else {
                    values.add(units.get(i).stringValue());
                }
            }
            return values;
        }
        fields.issue(Issue.append(at, field), "must be a string or an array of strings");
        return null;
    }

    private static JsonNode aggregations(JsonFields fields, JsonNode node, List<Object> at) {
        return fields.arrayNode(node, at, "aggregations", (a, aAt) -> aggregation(fields, a, aAt));
    }

    private static boolean validator(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return false;
        }
        int before = fields.issueCount();
        String operator = fields.string(node, at, "operator", false, 16);
        if (operator != null && !OPERATORS.contains(operator)) {
            fields.issue(Issue.append(at, "operator"), "must be one of " + OPERATORS);
        }
        String expression = fields.string(node, at, "expression", false, 1000);
        if (JsonFields.present(node, "operator") == null && expression == null) {
            fields.issue(Issue.append(at, "operator"), "is required unless expression is given");
        }
        JsonNode expected = JsonFields.present(node, "expected_value");
        if (expected != null && expected.isObject()) {
            fields.issue(Issue.append(at, "expected_value"), "must be a number, string, boolean or array");
        }
        if (JsonFields.present(node, "outcome") != null) {
            fields.enumValue(node, at, "outcome", MeasurementOutcome.class, true);
        }
        fields.bool(node, at, "is_decisive", false);
        return fields.issueCount() == before;
    }

    private static boolean aggregation(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return false;
        }
        int before = fields.issueCount();
        fields.string(node, at, "type", true, 64);
        if (JsonFields.present(node, "outcome") != null) {
            fields.enumValue(node, at, "outcome", MeasurementOutcome.class, true);
        }
        fields.number(node, at, "value");
        fields.string(node, at, "unit", false, 255);
        fields.arrayNode(node, at, "validators", (v, vAt) -> validator(fields, v, vAt));
        return fields.issueCount() == before;
    }

    /** A data series (x_axis, each y_axis entry): numbers in {@code data}, with optional labels, checks and statistics. */
    private static boolean series(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return false;
        }
        int before = fields.issueCount();
        JsonNode data = JsonFields.present(node, "data");
        if (data == null) {
            fields.issue(Issue.append(at, "data"), "is required");
        } else if (!data.isArray()) {
            fields.issue(Issue.append(at, "data"), "must be an array of numbers");
        } else {
            for (int i = 0; i < data.size(); i++) {
                if (!data.get(i).isNumber()) {
                    fields.issue(Issue.append(Issue.append(at, "data"), i), "must be a number");
                }
            }
        }
        units(fields, node, at, "units");
        fields.string(node, at, "name", false, V2RunReader.NAME_MAX);
        fields.string(node, at, "description", false, V2RunReader.DOCSTRING_MAX);
        fields.arrayNode(node, at, "validators", (v, vAt) -> validator(fields, v, vAt));
        fields.arrayNode(node, at, "aggregations", (a, aAt) -> aggregation(fields, a, aAt));
        return fields.issueCount() == before;
    }

    private static JsonValue whole(JsonNode node) {
        return node == null ? null : new JsonValue(JsonText.of(node));
    }
}
