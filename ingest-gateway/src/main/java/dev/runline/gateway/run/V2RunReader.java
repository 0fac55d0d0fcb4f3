package dev.runline.gateway.run;

import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.Log;
import dev.runline.schemas.event.LogLevel;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.MeasurementOutcome;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.PhaseOutcome;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Validates a v2 create-run body (contract §2, §4, §6) and normalises it into the run event. Pure: no
 * I/O, so every rule is unit-tested without a broker or a database. Unknown fields are ignored.
 */
public final class V2RunReader {

    static final int DOCSTRING_MAX = 50_000;
    static final int METADATA_MAX_KEYS = 50;
    static final int NAME_MAX = 255;
    static final int LOG_MESSAGE_MAX = 10_000;
    static final int SOURCE_FILE_MAX = 200;

    private final RunLimits limits;

    public V2RunReader(RunLimits limits) {
        this.limits = limits;
    }

    /** The normalised run, or every issue found. {@code receivedAt} is the default start time. */
    public ReadResult read(JsonNode body, Instant receivedAt) {
        JsonFields fields = new JsonFields();
        List<Object> root = List.of();
        if (body == null || !body.isObject()) {
            fields.issue(root, "must be a JSON object");
            return ReadResult.invalid(fields.issues());
        }
        RunOutcome outcome = fields.enumValue(body, root, "outcome", RunOutcome.class, true);
        UUID procedureId = fields.uuid(body, root, "procedure_id", true);
        String serial = fields.identifier(body, root, "serial_number", true);
        String partNumber = fields.identifier(body, root, "part_number", false);
        String revision = fields.identifier(body, root, "revision_number", false);
        String batch = fields.identifier(body, root, "batch_number", false);
        String version = fields.identifier(body, root, "procedure_version", false);
        String operatedBy = fields.email(body, root, "operated_by");
        List<String> subUnits = fields.array(body, root, "sub_units", (element, at) -> {
            if (element == null || !element.isString()) {
                fields.issue(at, "must be a serial number string");
                return null;
            }
            return fields.identifierValue(element.stringValue(), at);
        });
        String docstring = fields.string(body, root, "docstring", false, DOCSTRING_MAX);
        Instant startedAt = fields.dateTime(body, root, "started_at");
        Instant endedAt = fields.dateTime(body, root, "ended_at");
        List<Phase> phases = fields.array(body, root, "phases", (element, at) -> phase(fields, element, at));
        List<Log> logs = fields.array(body, root, "logs", (element, at) -> log(fields, element, at));
        Map<String, Object> metadata = fields.metadata(body, root, "metadata", METADATA_MAX_KEYS);
        Map<String, Object> unitMetadata = fields.metadata(body, root, "unit_metadata", METADATA_MAX_KEYS);

        Instant start = startedAt != null ? startedAt : receivedAt;
        Instant end = endedAt != null ? endedAt : start;
        boolean timesReadable = (startedAt != null || JsonFields.present(body, "started_at") == null)
                && (endedAt != null || JsonFields.present(body, "ended_at") == null);
        if (timesReadable && end.isBefore(start)) {
            fields.issue(List.of("ended_at"), "must not be before started_at");
        }
        limits.check(fields, body);
        if (fields.hasIssues()) {
            return ReadResult.invalid(fields.issues());
        }
        return ReadResult.valid(Run.newBuilder()
                .setOutcome(outcome)
                .setProcedureId(procedureId)
                .setProcedureVersion(version)
                .setStartedAt(start)
                .setEndedAt(end)
                .setSerialNumber(serial)
                .setPartNumber(partNumber)
                .setRevisionNumber(revision)
                .setBatchNumber(batch)
                .setOperatedBy(operatedBy)
                .setSubUnits(subUnits)
                .setDocstring(docstring)
                .setPhases(phases)
                .setLogs(logs)
                .setMetadata(metadata)
                .setUnitMetadata(unitMetadata)
                .build());
    }

    private Phase phase(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return null;
        }
        String name = fields.string(node, at, "name", true, NAME_MAX);
        PhaseOutcome outcome = fields.enumValue(node, at, "outcome", PhaseOutcome.class, true);
        Instant startedAt = fields.dateTime(node, at, "started_at");
        Instant endedAt = fields.dateTime(node, at, "ended_at");
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            fields.issue(Issue.append(at, "ended_at"), "must not be before started_at");
        }
        Integer retryCount = fields.integer(node, at, "retry_count", 0);
        String docstring = fields.string(node, at, "docstring", false, DOCSTRING_MAX);
        List<Measurement> measurements =
                fields.array(node, at, "measurements", (m, mAt) -> measurement(fields, m, mAt));
        if (name == null || outcome == null) {
            return null;
        }
        return Phase.newBuilder()
                .setName(name)
                .setOutcome(outcome)
                .setStartedAt(startedAt)
                .setEndedAt(endedAt)
                .setRetryCount(retryCount == null ? 0 : retryCount)
                .setDocstring(docstring)
                .setMeasurements(measurements)
                .build();
    }

    private Measurement measurement(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return null;
        }
        String name = fields.string(node, at, "name", true, NAME_MAX);
        MeasurementOutcome outcome = JsonFields.present(node, "outcome") == null
                ? MeasurementOutcome.UNSET
                : fields.enumValue(node, at, "outcome", MeasurementOutcome.class, true);
        Object value = measuredValue(JsonFields.present(node, "measured_value"));
        Object units = units(fields, node, at);
        JsonValue validators = structured(fields, node, at, "validators", true);
        JsonValue aggregations = structured(fields, node, at, "aggregations", true);
        JsonValue xAxis = structured(fields, node, at, "x_axis", false);
        JsonValue yAxis = structured(fields, node, at, "y_axis", true);
        String docstring = fields.string(node, at, "docstring", false, DOCSTRING_MAX);
        if (name == null || outcome == null) {
            return null;
        }
        return Measurement.newBuilder()
                .setName(name)
                .setOutcome(outcome)
                .setMeasuredValue(value)
                .setUnits(units)
                .setValidators(validators)
                .setAggregations(aggregations)
                .setXAxis(xAxis)
                .setYAxis(yAxis)
                .setDocstring(docstring)
                .build();
    }

    /** Numbers, strings and booleans keep their type; rows, objects and arrays are kept whole as JSON. */
    private static Object measuredValue(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return new JsonValue(node.toString());
    }

    private static Object units(JsonFields fields, JsonNode node, List<Object> at) {
        JsonNode units = JsonFields.present(node, "units");
        if (units == null) {
            return null;
        }
        if (units.isString()) {
            return units.stringValue();
        }
        if (units.isArray()) {
            List<String> values = new java.util.ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                if (!units.get(i).isString()) {
                    fields.issue(Issue.append(Issue.append(at, "units"), i), "must be a string");
                } else {
                    values.add(units.get(i).stringValue());
                }
            }
            return values;
        }
        fields.issue(Issue.append(at, "units"), "must be a string or an array of strings");
        return null;
    }

    private static JsonValue structured(JsonFields fields, JsonNode node, List<Object> at, String field, boolean array) {
        JsonNode value = JsonFields.present(node, field);
        if (value == null) {
            return null;
        }
        if (array ? !value.isArray() : !value.isObject()) {
            fields.issue(Issue.append(at, field), array ? "must be an array" : "must be an object");
            return null;
        }
        return new JsonValue(value.toString());
    }

    private static Log log(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return null;
        }
        LogLevel level = fields.enumValue(node, at, "level", LogLevel.class, true);
        Instant timestamp = fields.dateTime(node, at, "timestamp");
        String message = fields.string(node, at, "message", false, Integer.MAX_VALUE);
        String sourceFile = fields.string(node, at, "source_file", false, Integer.MAX_VALUE);
        Integer lineNumber = fields.integer(node, at, "line_number", 0);
        if (level == null) {
            return null;
        }
        return Log.newBuilder()
                .setLevel(level)
                .setTimestamp(timestamp)
                .setMessage(LogText.message(message))
                .setSourceFile(LogText.sourceFile(sourceFile))
                .setLineNumber(lineNumber)
                .build();
    }
}
