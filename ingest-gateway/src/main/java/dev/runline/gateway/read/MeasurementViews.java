package dev.runline.gateway.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a stored measurement (its JSON columns as the intake kept them) into the v2 client's
 * {@code RunGetMeasurement}. Pure. The model asks for more than a station sends, so some fields are derived:
 * <ul>
 *   <li>a validator's {@code expression} is the one sent, else {@code "<operator> <expected value>"}; its
 *       {@code outcome} is {@code UNSET} unless one was sent; {@code is_decisive} is true unless sent false
 *       (an OpenHTF marginal bound), since a validator that fails fails its measurement;</li>
 *   <li>an aggregation's {@code id}, which the model requires and nobody sends, is the measurement's id, the
 *       series it belongs to, and its position ({@code 42-a0}, {@code 42-y1-a0});</li>
 *   <li>{@code units} sent as a list (one per dimension) are written joined by {@code ", "}: the model has a
 *       string; each data series keeps its own units;</li>
 *   <li>an expected value the model cannot hold (a list mixing types) is written as a list of strings.</li>
 * </ul>
 */
final class MeasurementViews {

    private static final Set<String> VALIDATION_OUTCOMES = Set.of("PASS", "FAIL", "UNSET");

    private final ObjectMapper json;

    MeasurementViews(ObjectMapper json) {
        this.json = json;
    }

    RunView.Measurement view(StoredDetails.Measurement stored) {
        String id = Long.toString(stored.id());
        JsonNode validators = parse(stored.validatorsJson());
        return new RunView.Measurement(id, stored.name(), stored.outcome(), units(parse(stored.unitsJson())),
                validators(validators), aggregations(parse(stored.aggregationsJson()), id + "-a"),
                measuredValue(stored), dataSeries(parse(stored.xAxisJson()), parse(stored.yAxisJson()), id));
    }

    private Object measuredValue(StoredDetails.Measurement stored) {
        if (stored.valueNumber() != null) {
            return stored.valueNumber();
        }
        if (stored.valueString() != null) {
            return stored.valueString();
        }
        if (stored.valueBoolean() != null) {
            return stored.valueBoolean();
        }
        return parse(stored.valueJson());
    }

    private List<RunView.Series> dataSeries(JsonNode xAxis, JsonNode yAxis, String measurementId) {
        List<RunView.Series> series = new ArrayList<>();
        if (xAxis != null && xAxis.isObject()) {
            series.add(series(xAxis, measurementId + "-x-a"));
        }
        if (yAxis != null && yAxis.isArray()) {
            for (int i = 0; i < yAxis.size(); i++) {
                series.add(series(yAxis.get(i), measurementId + "-y" + i + "-a"));
            }
        }
        return series.isEmpty() ? null : series;
    }

    private RunView.Series series(JsonNode node, String aggregationPrefix) {
        List<Double> data = new ArrayList<>();
        JsonNode values = node.get("data");
        if (values != null && values.isArray()) {
            for (JsonNode value : values) {
                if (value.isNumber()) {
                    data.add(value.doubleValue());
                }
            }
        }
        return new RunView.Series(data, units(node.get("units")), validators(node.get("validators")),
                aggregations(node.get("aggregations"), aggregationPrefix));
    }

    /** Null when none were stored: the model's {@code validators} is nullable, not optional. */
    static List<RunView.Validator> validators(JsonNode validators) {
        if (validators == null || !validators.isArray()) {
            return null;
        }
        List<RunView.Validator> views = new ArrayList<>(validators.size());
        for (JsonNode validator : validators) {
            views.add(validator(validator));
        }
        return views;
    }

    static RunView.Validator validator(JsonNode node) {
        String operator = text(node.get("operator"));
        JsonNode expected = node.get("expected_value");
        String sentExpression = text(node.get("expression"));
        String structured = operator == null ? null
                : operator + (expected == null || expected.isNull() ? "" : " " + displayed(expected));
        JsonNode decisive = node.get("is_decisive");
        return new RunView.Validator(
                validationOutcome(node.get("outcome"), "UNSET"),
                operator,
                expectedValue(expected),
                sentExpression != null ? sentExpression : structured == null ? "" : structured,
                decisive == null || !decisive.isBoolean() || decisive.booleanValue(),
                operator == null,
                structured,
                sentExpression != null);
    }

    static List<RunView.Aggregation> aggregations(JsonNode aggregations, String idPrefix) {
        if (aggregations == null || !aggregations.isArray()) {
            return null;
        }
        List<RunView.Aggregation> views = new ArrayList<>(aggregations.size());
        for (int i = 0; i < aggregations.size(); i++) {
            JsonNode node = aggregations.get(i);
            views.add(new RunView.Aggregation(idPrefix + i, Objects.requireNonNullElse(text(node.get("type")), ""),
                    validationOutcome(node.get("outcome"), null), scalar(node.get("value")), text(node.get("unit")),
                    validators(node.get("validators"))));
        }
        return views;
    }

    /** A string, a list of strings joined by {@code ", "}, or null. */
    static String units(JsonNode units) {
        if (units == null || units.isNull()) {
            return null;
        }
        if (units.isString()) {
            return units.stringValue();
        }
        StringJoiner joined = new StringJoiner(", ");
        for (JsonNode unit : units) {
            joined.add(unit.isString() ? unit.stringValue() : unit.toString());
        }
        return joined.toString();
    }

    /** The model's expected value: a boolean, number, string, list of numbers or list of strings, or null. */
    static Object expectedValue(JsonNode expected) {
        if (expected == null || expected.isNull() || expected.isObject()) {
            return null;
        }
        if (!expected.isArray()) {
            return scalar(expected);
        }
        boolean numbers = true;
        for (JsonNode element : expected) {
            numbers &= element.isNumber();
        }
        List<Object> values = new ArrayList<>(expected.size());
        for (JsonNode element : expected) {
            values.add(numbers ? (Object) element.doubleValue() : element.isString() ? element.stringValue() : element.toString());
        }
        return values;
    }

    private static Object scalar(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isString() ? node.stringValue() : null;
    }

    private static String validationOutcome(JsonNode outcome, String otherwise) {
        String value = text(outcome);
        return value != null && VALIDATION_OUTCOMES.contains(value) ? value : otherwise;
    }

    private static String displayed(JsonNode expected) {
        return expected.isNumber() ? expected.numberValue().toString() : expected.toString();
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
