package dev.runline.gateway.run;

import dev.runline.schemas.event.Log;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.MeasurementOutcome;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.PhaseOutcome;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Validates a legacy v1 create-run body (contract §3–6) and normalises it into the same run event as
 * v2, so the processor has one code path: {@code run_passed} becomes PASS/FAIL, {@code duration} the end
 * time, phases' epoch milliseconds instants, {@code sub_units} objects serials, and each deprecated step
 * a phase (with one measurement when it measured something). {@code procedure_name} is ignored.
 */
public final class V1RunReader {

    public static final int TEXT_MAX = 255;

    private final RunLimits limits;

    public V1RunReader(RunLimits limits) {
        this.limits = limits;
    }

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
        Boolean passed = fields.bool(body, root, "run_passed", true);
        String procedure = fields.string(body, root, "procedure_id", true, TEXT_MAX);
        String version = fields.nonEmptyString(body, root, "procedure_version", TEXT_MAX);
        UnitUnderTest unit = UnitUnderTest.read(fields, body);
        Instant startedAt = fields.dateTime(body, root, "started_at");
        Duration duration = fields.duration(body, root, "duration");
        String operatedBy = fields.email(body, root, "operated_by");
        List<String> subUnits = fields.array(body, root, "sub_units", (element, at) -> {
            JsonNode node = fields.object(element, at);
            return node == null ? null : fields.identifier(node, at, "serial_number", true);
        });
        String docstring = fields.string(body, root, "docstring", false, V2RunReader.DOCSTRING_MAX);
        List<Phase> phases = new ArrayList<>(fields.array(body, root, "phases", (element, at) -> phase(fields, element, at)));
        phases.addAll(fields.array(body, root, "steps", (element, at) -> step(fields, element, at)));
        List<Log> logs = fields.array(body, root, "logs", (element, at) -> LogReader.read(fields, element, at));
        Map<String, Object> metadata = fields.metadata(body, root, "metadata", V2RunReader.METADATA_MAX_KEYS);
        Map<String, Object> unitMetadata = fields.metadata(body, root, "unit_metadata", V2RunReader.METADATA_MAX_KEYS);
        String client = fields.string(body, root, "client", false, TEXT_MAX);
        String clientVersion = fields.string(body, root, "client_version", false, TEXT_MAX);
        if (fields.hasIssues()) {
            return ReadResult.invalid(fields);
        }
        Instant start = startedAt != null ? startedAt : receivedAt;
        UUID procedureId = uuidOrNull(procedure);
        Run.Builder run = Run.newBuilder()
                .setOutcome(passed ? RunOutcome.PASS : RunOutcome.FAIL)
                .setProcedureVersion(version)
                .setStartedAt(start)
                .setEndedAt(start.plus(duration != null ? duration : Duration.ZERO))
                .setSerialNumber(unit.serialNumber())
                .setPartNumber(unit.partNumber())
                .setPartName(unit.partName())
                .setRevisionNumber(unit.revision())
                .setBatchNumber(unit.batchNumber())
                .setOperatedBy(operatedBy)
                .setSubUnits(subUnits)
                .setDocstring(docstring)
                .setPhases(phases)
                .setLogs(logs)
                .setMetadata(metadata)
                .setUnitMetadata(unitMetadata)
                .setClient(client)
                .setClientVersion(clientVersion)
                // Files are linked later; set rather than left to Avro's default, which needs the event package trusted.
                .setAttachments(List.of());
        if (procedureId != null) {
            run.setProcedureId(procedureId);
        }
        return ReadResult.valid(run, procedureId == null ? procedure : null, unit.paths());
    }

    /** The procedure is named by its uuid or by its short identifier (e.g. FVT1). */
    private static UUID uuidOrNull(String procedure) {
        if (procedure.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(procedure);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /**
     * The unit, from {@code unit_under_test} or (Runline) the same keys at top level. Its keys are reported
     * where the request put the serial number.
     */
    private record UnitUnderTest(String serialNumber, String partNumber, String partName, String revision, String batchNumber,
            UnitPaths paths) {

        static UnitUnderTest read(JsonFields fields, JsonNode body) {
            JsonNode uut = JsonFields.present(body, "unit_under_test");
            List<Object> uutPath = List.of("unit_under_test");
            if (uut != null && !uut.isObject()) {
                fields.issue(uutPath, "must be an object");
                uut = null;
            }
            JsonNode unit = uut;
            boolean serialInUnit = unit != null && JsonFields.present(unit, "serial_number") != null;
            boolean serialAtTop = !serialInUnit && JsonFields.present(body, "serial_number") != null;
            String serial = serialInUnit
                    ? fields.identifier(unit, uutPath, "serial_number", true)
                    : serialAtTop
                            ? fields.identifier(body, List.of(), "serial_number", true)
                            : missing(fields, Issue.append(uutPath, "serial_number"));
            return new UnitUnderTest(
                    serial,
                    either(fields, unit, "part_number", body, "part_number"),
                    unit == null ? null : fields.string(unit, uutPath, "part_name", false, TEXT_MAX),
                    either(fields, unit, "revision", body, "revision_number"),
                    either(fields, unit, "batch_number", body, "batch_number"),
                    serialAtTop ? UnitPaths.TOP_LEVEL : UnitPaths.UNIT_UNDER_TEST);
        }

        private static String either(JsonFields fields, JsonNode unit, String unitField, JsonNode body, String topField) {
            if (unit != null && JsonFields.present(unit, unitField) != null) {
                return fields.identifier(unit, List.of("unit_under_test"), unitField, false);
            }
            return fields.identifier(body, List.of(), topField, false);
        }

        private static String missing(JsonFields fields, List<Object> at) {
            fields.issue(at, "is required");
            return null;
        }
    }

    private static Phase phase(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return null;
        }
        String name = fields.string(node, at, "name", true, V2RunReader.NAME_MAX);
        PhaseOutcome outcome = fields.enumValue(node, at, "outcome", PhaseOutcome.class, true);
        Instant startedAt = fields.epochMillis(node, at, "start_time_millis");
        Instant endedAt = fields.epochMillis(node, at, "end_time_millis");
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            fields.issue(Issue.append(at, "end_time_millis"), "must not be before start_time_millis");
        }
        String docstring = fields.string(node, at, "docstring", false, V2RunReader.DOCSTRING_MAX);
        List<Measurement> measurements =
                fields.array(node, at, "measurements", (m, mAt) -> MeasurementReader.read(fields, m, mAt));
        if (name == null || outcome == null) {
            return null;
        }
        return Phase.newBuilder().setName(name).setOutcome(outcome).setStartedAt(startedAt).setEndedAt(endedAt)
                .setDocstring(docstring).setMeasurements(measurements).build();
    }

    /** A deprecated step (§5) as the phase it means. */
    private static Phase step(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return null;
        }
        String name = fields.string(node, at, "name", true, V2RunReader.NAME_MAX);
        Instant startedAt = fields.dateTime(node, at, "started_at");
        Duration duration = fields.duration(node, at, "duration");
        Boolean passed = fields.bool(node, at, "step_passed", true);
        JsonNode value = JsonFields.present(node, "measurement_value");
        if (value != null && !value.isNumber() && !value.isString()) {
            fields.issue(Issue.append(at, "measurement_value"), "must be a number or a string");
        }
        String unit = fields.string(node, at, "measurement_unit", false, TEXT_MAX);
        Double low = fields.number(node, at, "limit_low");
        Double high = fields.number(node, at, "limit_high");
        if (name == null || passed == null) {
            return null;
        }
        List<Measurement> measurements = new ArrayList<>();
        if (value != null && (value.isNumber() || value.isString())) {
            measurements.add(Measurement.newBuilder()
                    .setName(name)
                    .setOutcome(passed ? MeasurementOutcome.PASS : MeasurementOutcome.FAIL)
                    .setMeasuredValue(MeasurementReader.measuredValue(value))
                    .setUnits(unit)
                    .setValidators(MeasurementReader.validators(null, low, high))
                    .build());
        }
        return Phase.newBuilder()
                .setName(name)
                .setOutcome(passed ? PhaseOutcome.PASS : PhaseOutcome.FAIL)
                .setStartedAt(startedAt)
                .setEndedAt(startedAt == null ? null : startedAt.plus(duration != null ? duration : Duration.ZERO))
                .setMeasurements(measurements)
                .build();
    }
}
