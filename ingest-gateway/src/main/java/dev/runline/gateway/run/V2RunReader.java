package dev.runline.gateway.run;

import dev.runline.schemas.event.Log;
import dev.runline.schemas.event.Measurement;
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

    public static final int DOCSTRING_MAX = 50_000;
    static final int METADATA_MAX_KEYS = 50;
    public static final int NAME_MAX = 255;

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
            return ReadResult.invalid(fields);
        }
        // Limits first: a body over one is answered at once, before every element of a huge array is read.
        limits.check(fields, body);
        if (fields.hasIssues()) {
            return ReadResult.invalid(fields);
        }
        fields.rejectUnstorable(body, root);
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
        RunTimes times = RunTimes.read(fields, body, receivedAt);
        List<Phase> phases = fields.array(body, root, "phases", (element, at) -> phase(fields, element, at));
        List<Log> logs = fields.array(body, root, "logs", (element, at) -> LogReader.read(fields, element, at));
        Map<String, Object> metadata = fields.metadata(body, root, "metadata", METADATA_MAX_KEYS);
        Map<String, Object> unitMetadata = fields.metadata(body, root, "unit_metadata", METADATA_MAX_KEYS);
        if (fields.hasIssues()) {
            return ReadResult.invalid(fields);
        }
        return ReadResult.valid(Run.newBuilder()
                .setOutcome(outcome)
                .setProcedureId(procedureId)
                .setProcedureVersion(version)
                .setStartedAt(times.startedAt())
                .setEndedAt(times.endedAt())
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
                .setAttachments(List.of()), null, UnitPaths.TOP_LEVEL);
    }

    private static Phase phase(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return null;
        }
        String name = fields.string(node, at, "name", true, NAME_MAX);
        PhaseOutcome outcome = fields.enumValue(node, at, "outcome", PhaseOutcome.class, true);
        Instant startedAt = fields.dateTime(node, at, "started_at");
        Instant endedAt = fields.dateTime(node, at, "ended_at");
        RunTimes.requireOrder(fields, at, startedAt, endedAt);
        Integer retryCount = fields.integer(node, at, "retry_count", 0);
        String docstring = fields.string(node, at, "docstring", false, DOCSTRING_MAX);
        List<Measurement> measurements =
                fields.array(node, at, "measurements", (m, mAt) -> MeasurementReader.read(fields, m, mAt));
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
}
