package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import dev.runline.gateway.run.V2RunReader;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.PhaseOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The record's {@code phases}, every one in order ({@code trigger_phase} included), into run phases. OpenHTF
 * records each execution of a phase as a phase of its own (a repeat, a retry after a failed measurement), so
 * phases are kept as recorded and {@code retry_count} is the number of earlier phases of the same name, the
 * API's convention for retried phases.
 *
 * <p>The docstring is the phase's {@code codeinfo.docstring}. A phase that raised carries the exception in its
 * {@code result.phase_result} ({@code exc_type}, {@code exc_val}, {@code exc_tb}); it is appended to the
 * docstring ({@code RuntimeError: chamber door opened}, then the traceback) because the run has no other place
 * for it and it is what an operator looks for on an ERROR phase. Only that shape of {@code result} is read:
 * any other (the usual {@code {"phase_result": "CONTINUE"}}) adds nothing. Docstrings are cut at the API's
 * limit, never refused.
 */
final class PhaseConverter {

    private static final Pattern PYTHON_CLASS = Pattern.compile("<class '(.+)'>");

    private final RecordValues values;
    private final MeasurementConverter measurements;
    private final InlinedAttachments attachments;

    PhaseConverter(RecordValues values) {
        this.values = values;
        this.measurements = new MeasurementConverter(values);
        this.attachments = new InlinedAttachments(values);
    }

    /** The phases; inlined attachments are added to {@code inlined}. */
    List<Phase> convert(JsonNode record, List<InlinedAttachment> inlined) {
        JsonNode phases = JsonFields.present(record, "phases");
        if (phases == null) {
            return List.of();
        }
        List<Object> path = List.of("phases");
        if (!phases.isArray()) {
            values.issue(path, "must be an array");
            return List.of();
        }
        Map<String, Integer> runsByName = new HashMap<>();
        List<Phase> converted = new ArrayList<>(phases.size());
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phase(phases.get(i), Issue.append(path, i), runsByName, inlined);
            if (phase != null) {
                converted.add(phase);
            }
        }
        return converted;
    }

    private Phase phase(JsonNode element, List<Object> at, Map<String, Integer> runsByName, List<InlinedAttachment> inlined) {
        JsonNode node = values.fields().object(element, at);
        if (node == null) {
            return null;
        }
        String name = values.text(node, at, "name", true, V2RunReader.NAME_MAX);
        PhaseOutcome outcome = values.fields().enumValue(node, at, "outcome", PhaseOutcome.class, true);
        Instant startedAt = values.millis(node, at, "start_time_millis");
        Instant endedAt = values.millis(node, at, "end_time_millis");
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            values.issue(Issue.append(at, "end_time_millis"), "must not be before start_time_millis");
        }
        String docstring = docstring(node, at);
        List<Measurement> measured = measurements.convert(node, at);
        attachments.read(node, at, inlined);
        if (name == null || outcome == null) {
            return null;
        }
        int retryCount = runsByName.merge(name, 1, Integer::sum) - 1;
        return Phase.newBuilder()
                .setName(name)
                .setOutcome(outcome)
                .setStartedAt(startedAt)
                .setEndedAt(endedAt)
                .setRetryCount(retryCount)
                .setDocstring(docstring)
                .setMeasurements(measured)
                .build();
    }

    private String docstring(JsonNode node, List<Object> at) {
        JsonNode codeinfo = values.object(node, at, "codeinfo");
        String docstring = codeinfo == null ? null
                : values.text(codeinfo, Issue.append(at, "codeinfo"), "docstring", false, Integer.MAX_VALUE);
        String exception = exception(node, at);
        String text = docstring == null || docstring.isEmpty() ? exception
                : exception == null ? docstring
                : docstring + "\n\n" + exception;
        return text == null ? null : RecordValues.truncate(text, V2RunReader.DOCSTRING_MAX);
    }

    /** {@code Type: value}, then the traceback; null unless the phase's result is an exception. */
    private String exception(JsonNode node, List<Object> at) {
        JsonNode result = JsonFields.present(node, "result");
        JsonNode raised = result == null ? null : JsonFields.present(result, "phase_result");
        if (raised == null || !raised.isObject() || JsonFields.present(raised, "exc_type") == null) {
            return null;
        }
        List<Object> path = Issue.append(Issue.append(at, "result"), "phase_result");
        String type = values.text(raised, path, "exc_type", false, Integer.MAX_VALUE);
        String value = values.text(raised, path, "exc_val", false, Integer.MAX_VALUE);
        String traceback = values.text(raised, path, "exc_tb", false, Integer.MAX_VALUE);
        if (type == null) {
            return null;
        }
        Matcher pythonClass = PYTHON_CLASS.matcher(type);
        StringBuilder text = new StringBuilder(pythonClass.matches() ? pythonClass.group(1) : type);
        if (value != null && !value.isEmpty()) {
            text.append(": ").append(value);
        }
        if (traceback != null && !traceback.isBlank()) {
            text.append("\n\n").append(traceback.stripTrailing());
        }
        return text.toString();
    }
}
