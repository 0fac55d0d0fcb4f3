package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import dev.runline.gateway.run.ReadResult;
import dev.runline.gateway.run.RunLimits;
import dev.runline.gateway.run.UnitPaths;
import dev.runline.gateway.run.V1RunReader;
import dev.runline.gateway.run.V2RunReader;
import dev.runline.schemas.event.Log;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Converts an OpenHTF test record (the JSON of {@code json_factory.OutputToJSON}, the shape of
 * {@code openhtf/core/test_record.py}) into the run an import creates (contract §10). Pure, like the run
 * readers: the import route reads the upload, calls this, and runs the result through the same checks as a
 * v1 run (procedure by uuid or identifier, station link, part number).
 *
 * <ul>
 *   <li>{@code dut_id} is the serial, with the API's serial rules; {@code metadata.part_number},
 *       {@code revision_number}, {@code batch_number} the unit's part (identifier rules) and
 *       {@code metadata.procedure_version} the version (v1's rule).</li>
 *   <li>{@code metadata.procedure_id} names the procedure as in v1: a uuid is the procedure id, anything else
 *       (e.g. {@code FVT2}, at most 255 characters) its identifier, resolved by the import. The run then has no
 *       procedure id yet, exactly as V1RunReader leaves it for an identifier.</li>
 *   <li>Start and end are {@code start_time_millis}/{@code end_time_millis}; a missing end is the start, a
 *       missing start the end or else the receipt.</li>
 *   <li>{@code outcome_details} ({@code code: description} lines) are the run's docstring; {@code test_name}
 *       and {@code station_id} (or {@code metadata.config.station_id}) its metadata.</li>
 *   <li>Phases, measurements, validators and logs: {@link PhaseConverter}, {@link MeasurementConverter},
 *       {@link ValidatorText}, {@link LogRecordConverter}; inlined attachments: {@link InlinedAttachments}.</li>
 * </ul>
 * Issues point into the record ({@code ["phases", 3, "measurements", "vcc", "outcome"]}). Whatever the JSON,
 * the answer is a result, never an exception.
 */
public final class OpenHtfRecordConverter {

    static final String NOT_A_RECORD = "must be an OpenHTF test record (JSON written by openhtf's json_factory.OutputToJSON)";

    /** The top-level keys of {@code TestRecord.as_base_types}: a record has some of them, another document none. */
    static final Set<String> RECORD_KEYS = Set.of("dut_id", "station_id", "start_time_millis", "end_time_millis", "outcome",
            "outcome_details", "code_info", "metadata", "phases", "subtests", "branches", "checkpoints", "diagnosers",
            "diagnoses", "log_records", "marginal");

    static final UnitPaths UNIT_PATHS = new UnitPaths(List.of("dut_id"), List.of("metadata", "part_number"));

    private static final List<Object> ROOT = List.of();
    private static final List<Object> METADATA = List.of("metadata");

    private final RunLimits limits;

    public OpenHtfRecordConverter(RunLimits limits) {
        this.limits = limits;
    }

    /** Never throws for any JSON input (null included): a bad record yields an invalid ReadResult with issues. */
    public OpenHtfConversion convert(JsonNode record, Instant receivedAt) {
        JsonFields fields = new JsonFields();
        if (!isRecord(record)) {
            fields.issue(ROOT, NOT_A_RECORD);
            return invalid(fields);
        }
        // Limits first: a record over one is answered at once, before every element of a huge array is read.
        RecordLimits.check(limits, fields, record);
        if (fields.hasIssues()) {
            return invalid(fields);
        }
        RecordValues values = new RecordValues(fields);
        String serial = fields.identifier(record, ROOT, "dut_id", true);
        RunOutcome outcome = fields.enumValue(record, ROOT, "outcome", RunOutcome.class, true);
        JsonNode metadata = values.object(record, ROOT, "metadata");
        String procedure = procedure(values, record, metadata);
        String part = metadata == null ? null : fields.identifier(metadata, METADATA, "part_number", false);
        String revision = metadata == null ? null : fields.identifier(metadata, METADATA, "revision_number", false);
        String batch = metadata == null ? null : fields.identifier(metadata, METADATA, "batch_number", false);
        String version = metadata == null ? null : values.nonEmptyText(metadata, METADATA, "procedure_version", V1RunReader.TEXT_MAX);
        Instant startedAt = values.millis(record, ROOT, "start_time_millis");
        Instant endedAt = values.millis(record, ROOT, "end_time_millis");
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            fields.issue(List.of("end_time_millis"), "must not be before start_time_millis");
        }
        String docstring = OutcomeDetails.docstring(values, record);
        Map<String, Object> runMetadata = runMetadata(values, record, metadata);
        List<InlinedAttachment> inlined = new ArrayList<>();
        List<Phase> phases = new PhaseConverter(values).convert(record, inlined);
        List<Log> logs = new LogRecordConverter(values).convert(record);
        if (fields.hasIssues()) {
            return invalid(fields);
        }
        Instant start = startedAt != null ? startedAt : endedAt != null ? endedAt : receivedAt;
        UUID procedureId = uuidOrNull(procedure);
        Run.Builder run = Run.newBuilder()
                .setOutcome(outcome)
                .setProcedureVersion(version)
                .setStartedAt(start)
                .setEndedAt(endedAt != null ? endedAt : start)
                .setSerialNumber(serial)
                .setPartNumber(part)
                .setRevisionNumber(revision)
                .setBatchNumber(batch)
                .setDocstring(docstring)
                .setPhases(phases)
                .setLogs(logs)
                .setMetadata(runMetadata)
                // The import adds the record and its inlined files once stored. Set here rather than left to the
                // schema's default: Avro builds a default of Attachment records only once the event package is
                // trusted, which a pure caller (a unit test) has not arranged.
                .setAttachments(List.of());
        if (procedureId != null) {
            run.setProcedureId(procedureId);
        }
        return new OpenHtfConversion(ReadResult.valid(run, procedureId == null ? procedure : null, UNIT_PATHS), inlined);
    }

    private static boolean isRecord(JsonNode record) {
        if (record == null || !record.isObject()) {
            return false;
        }
        for (String key : record.propertyNames()) {
            if (RECORD_KEYS.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static OpenHtfConversion invalid(JsonFields fields) {
        return new OpenHtfConversion(ReadResult.invalid(fields), List.of());
    }

    /** {@code metadata.procedure_id}, required: without it the import cannot tell which procedure ran. */
    private static String procedure(RecordValues values, JsonNode record, JsonNode metadata) {
        if (metadata == null) {
            if (JsonFields.present(record, "metadata") == null) {
                values.issue(List.of("metadata", "procedure_id"), "is required");
            }
            return null;
        }
        return values.text(metadata, METADATA, "procedure_id", true, V1RunReader.TEXT_MAX);
    }

    /** The procedure is named by its uuid or by its short identifier (e.g. FVT1), as in v1. */
    private static UUID uuidOrNull(String procedure) {
        if (procedure == null || procedure.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(procedure);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** The test's name and the station's, which OpenHTF records and the run has no field for. */
    private static Map<String, Object> runMetadata(RecordValues values, JsonNode record, JsonNode metadata) {
        Map<String, Object> runMetadata = new LinkedHashMap<>();
        String testName = metadata == null ? null : values.text(metadata, METADATA, "test_name", false, V1RunReader.TEXT_MAX);
        String stationId = values.text(record, ROOT, "station_id", false, V1RunReader.TEXT_MAX);
        if (stationId == null && JsonFields.present(record, "station_id") == null && metadata != null) {
            JsonNode config = values.object(metadata, METADATA, "config");
            if (config != null) {
                stationId = values.text(config, Issue.append(METADATA, "config"), "station_id", false, V1RunReader.TEXT_MAX);
            }
        }
        if (testName != null) {
            runMetadata.put("test_name", testName);
        }
        if (stationId != null) {
            runMetadata.put("station_id", stationId);
        }
        return runMetadata;
    }

    /** {@code outcome_details} ({@code [{"code", "description"}]}, why a test errored) as the run's docstring. */
    private static final class OutcomeDetails {

        private OutcomeDetails() {}

        static String docstring(RecordValues values, JsonNode record) {
            JsonNode details = JsonFields.present(record, "outcome_details");
            if (details == null) {
                return null;
            }
            List<Object> path = List.of("outcome_details");
            if (!details.isArray()) {
                values.issue(path, "must be an array");
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < details.size(); i++) {
                List<Object> at = Issue.append(path, i);
                JsonNode detail = values.fields().object(details.get(i), at);
                if (detail == null) {
                    continue;
                }
                String code = code(values, detail, at);
                String description = values.text(detail, at, "description", false, Integer.MAX_VALUE);
                String line = code == null ? description
                        : description == null || description.isEmpty() ? code
                        : code + ": " + description;
                if (line != null && !line.isEmpty()) {
                    text.append(text.isEmpty() ? "" : "\n").append(line);
                }
            }
            return text.isEmpty() ? null : RecordValues.truncate(text.toString(), V2RunReader.DOCSTRING_MAX);
        }

        /** OpenHTF's {@code OutcomeDetails.code} is a string or an integer. */
        private static String code(RecordValues values, JsonNode detail, List<Object> at) {
            JsonNode code = JsonFields.present(detail, "code");
            if (code != null && code.isIntegralNumber() && code.canConvertToLong()) {
                return Long.toString(code.longValue());
            }
            if (code != null && !code.isString()) {
                values.issue(Issue.append(at, "code"), "must be a string or an integer");
                return null;
            }
            return values.text(detail, at, "code", false, Integer.MAX_VALUE);
        }
    }
}
