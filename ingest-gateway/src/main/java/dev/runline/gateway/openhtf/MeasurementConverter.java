package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import dev.runline.gateway.run.V2RunReader;
import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.MeasurementOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A phase's {@code measurements} (an object keyed by measurement name, as {@code Measurement.as_base_types}
 * writes them; kept in record order) into run measurements. A scalar value keeps its type; a dimensioned
 * value ({@code dimensions} plus rows of coordinates then value) and any other structured value are kept whole.
 * Units are the unit's {@code suffix} (its {@code name} when it has none); a dimensioned measurement's units
 * are one per row column: each dimension's, then the value's ({@code ""} for a column without a unit).
 * {@code conditional_validators} (validators that apply only under a diagnosis result) are not kept: the record
 * does not say whether their condition held, so they would read as limits the value was checked against.
 */
final class MeasurementConverter {

    private static final List<String> OUTCOMES = List.of("PASS", "FAIL", "UNSET", "PARTIALLY_SET", "SKIPPED");

    private final RecordValues values;

    MeasurementConverter(RecordValues values) {
        this.values = values;
    }

    List<Measurement> convert(JsonNode phase, List<Object> phasePath) {
        JsonNode measurements = JsonFields.present(phase, "measurements");
        if (measurements == null) {
            return List.of();
        }
        List<Object> path = Issue.append(phasePath, "measurements");
        if (!measurements.isObject()) {
            values.issue(path, "must be an object keyed by measurement name");
            return List.of();
        }
        List<Measurement> converted = new ArrayList<>(measurements.size());
        for (Map.Entry<String, JsonNode> entry : measurements.properties()) {
            Measurement measurement = measurement(entry.getKey(), entry.getValue(), Issue.append(path, entry.getKey()));
            if (measurement != null) {
                converted.add(measurement);
            }
        }
        return converted;
    }

    private Measurement measurement(String name, JsonNode element, List<Object> at) {
        JsonNode node = values.fields().object(element, at);
        if (node == null) {
            return null;
        }
        boolean named = name(name, at);
        MeasurementOutcome outcome = outcome(node, at);
        List<String> dimensionUnits = dimensionUnits(node, at);
        Object value = measuredValue(node, at, dimensionUnits == null ? -1 : dimensionUnits.size());
        String unit = unit(JsonFields.present(node, "units"), Issue.append(at, "units"));
        JsonValue validators = validators(node, at, outcome);
        String docstring = values.freeText(node, at, "docstring", V2RunReader.DOCSTRING_MAX);
        if (!named || outcome == null) {
            return null;
        }
        Object units = unit;
        if (dimensionUnits != null) {
            List<String> columns = new ArrayList<>(dimensionUnits);
            columns.add(unit == null ? "" : unit);
            units = columns;
        }
        return Measurement.newBuilder()
                .setName(name)
                .setOutcome(outcome)
                .setMeasuredValue(value)
                .setUnits(units)
                .setValidators(validators)
                .setDocstring(docstring)
                .build();
    }

    /** The key is the name (OpenHTF keys measurements by name); the API's rules for a measurement name apply. */
    private boolean name(String name, List<Object> at) {
        if (name.isEmpty() || name.length() > V2RunReader.NAME_MAX) {
            values.issue(at, "a measurement name must be 1 to " + V2RunReader.NAME_MAX + " characters");
            return false;
        }
        return values.storable(name, at) != null;
    }

    /**
     * PASS, FAIL, UNSET; PARTIALLY_SET (a dimensioned measurement not yet validated) and SKIPPED (what OpenHTF sets on
     * the unset measurements of a phase that was skipped, or on one skipped by the test) are UNSET, the run's only
     * outcome for a measurement that has no verdict; absent is UNSET.
     */
    private MeasurementOutcome outcome(JsonNode node, List<Object> at) {
        String outcome = values.fields().string(node, at, "outcome", false, 64);
        if (outcome == null) {
            return JsonFields.present(node, "outcome") == null ? MeasurementOutcome.UNSET : null;
        }
        return switch (outcome) {
            case "PASS" -> MeasurementOutcome.PASS;
            case "FAIL" -> MeasurementOutcome.FAIL;
            case "UNSET", "PARTIALLY_SET", "SKIPPED" -> MeasurementOutcome.UNSET;
            default -> {
                values.issue(Issue.append(at, "outcome"), "must be one of " + OUTCOMES);
                yield null;
            }
        };
    }

    /** Each dimension's unit, in order; null when the measurement has no dimensions. */
    private List<String> dimensionUnits(JsonNode node, List<Object> at) {
        JsonNode dimensions = JsonFields.present(node, "dimensions");
        if (dimensions == null) {
            return null;
        }
        List<Object> path = Issue.append(at, "dimensions");
        if (!dimensions.isArray()) {
            values.issue(path, "must be an array");
            return null;
        }
        List<String> units = new ArrayList<>(dimensions.size());
        for (int i = 0; i < dimensions.size(); i++) {
            String unit = unit(dimensions.get(i), Issue.append(path, i));
            units.add(unit == null ? "" : unit);
        }
        return units;
    }

    /**
     * A unit descriptor ({@code {"name", "code", "suffix"}}) as the text shown after a value: its suffix, else its
     * name; null for none. A plain string is taken as the unit itself. OpenHTF's {@code units.NONE} (named
     * {@code None}, without code or suffix) means no unit.
     */
    private String unit(JsonNode descriptor, List<Object> at) {
        if (descriptor == null || descriptor.isNull()) {
            return null;
        }
        if (descriptor.isString()) {
            return values.storable(descriptor.stringValue(), at);
        }
        if (!descriptor.isObject()) {
            values.issue(at, "must be a unit object (name, code, suffix)");
            return null;
        }
        String suffix = values.text(descriptor, at, "suffix", false, V2RunReader.NAME_MAX);
        String name = values.text(descriptor, at, "name", false, V2RunReader.NAME_MAX);
        if (suffix != null && !suffix.isEmpty()) {
            return suffix;
        }
        boolean none = "None".equals(name) && JsonFields.present(descriptor, "code") == null;
        return name == null || name.isEmpty() || none ? null : name;
    }

    /**
     * Numbers (finite), strings and booleans keep their type, absent or null is null. With dimensions the value
     * must be rows of one coordinate per dimension then the value, kept whole; other structured values are kept
     * whole too.
     */
    private Object measuredValue(JsonNode node, List<Object> at, int dimensions) {
        JsonNode value = JsonFields.present(node, "measured_value");
        List<Object> path = Issue.append(at, "measured_value");
        if (value == null) {
            return null;
        }
        if (dimensions >= 0 && !rows(value, path, dimensions + 1)) {
            return null;
        }
        if (value.isNumber()) {
            Double number = JsonFields.finite(value);
            if (number == null) {
                values.issue(path, "must be a finite number");
            }
            return number;
        }
        if (value.isString()) {
            return values.storable(value.stringValue(), path);
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return values.whole(value, path);
    }

    private boolean rows(JsonNode value, List<Object> path, int columns) {
        if (!value.isArray()) {
            values.issue(path, "must be an array of rows (the measurement has dimensions)");
            return false;
        }
        boolean valid = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode row = value.get(i);
            if (!row.isArray() || row.size() != columns) {
                values.issue(Issue.append(path, i), "must be a row of " + columns
                        + " values (a coordinate per dimension, then the value)");
                valid = false;
            }
        }
        return valid;
    }

    /** OpenHTF's validator texts as §4 validators (see {@link ValidatorText}), JSON text like the API stores them. */
    private JsonValue validators(JsonNode node, List<Object> at, MeasurementOutcome outcome) {
        JsonNode validators = JsonFields.present(node, "validators");
        if (validators == null) {
            return null;
        }
        List<Object> path = Issue.append(at, "validators");
        if (!validators.isArray()) {
            values.issue(path, "must be an array of strings");
            return null;
        }
        StringBuilder json = new StringBuilder(64 * validators.size() + 2).append('[');
        for (int i = 0; i < validators.size(); i++) {
            JsonNode validator = validators.get(i);
            List<Object> validatorPath = Issue.append(path, i);
            if (!validator.isString()) {
                values.issue(validatorPath, "must be a string");
                continue;
            }
            String text = values.storable(validator.stringValue(), validatorPath);
            if (text == null || outcome == null) {
                continue;
            }
            for (String converted : ValidatorText.validators(text, outcome.name())) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append(converted);
            }
        }
        return new JsonValue(json.append(']').toString());
    }
}
