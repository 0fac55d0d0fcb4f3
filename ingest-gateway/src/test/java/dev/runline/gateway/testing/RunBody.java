package dev.runline.gateway.testing;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid create-run body (v2 or v1); a test changes only the field it is about, addressed by its JSON
 * path ({@code with(List.of("phases", 0, "outcome"), "NOPE")}).
 */
public final class RunBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode body;

    private RunBody(ObjectNode body) {
        this.body = body;
    }

    public static RunBody v2(UUID procedureId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("procedure_id", procedureId.toString());
        body.put("serial_number", "SN-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("part_number", "PCB-100");
        body.put("outcome", "PASS");
        body.put("started_at", "2026-11-02T08:15:30.123Z");
        body.put("ended_at", "2026-11-02T08:16:12Z");
        ObjectNode phase = body.putArray("phases").addObject();
        phase.put("name", "power_on");
        phase.put("outcome", "PASS");
        phase.put("started_at", "2026-11-02T08:15:31Z");
        phase.put("ended_at", "2026-11-02T08:15:33Z");
        phase.put("retry_count", 0);
        ObjectNode measurement = phase.putArray("measurements").addObject();
        measurement.put("name", "vcc");
        measurement.put("outcome", "PASS");
        measurement.put("measured_value", 3.3);
        measurement.put("units", "V");
        ObjectNode log = body.putArray("logs").addObject();
        log.put("level", "INFO");
        log.put("timestamp", "2026-11-02T08:15:32Z");
        log.put("message", "fixture clamped");
        log.put("source_file", "test_main.py");
        log.put("line_number", 12);
        return new RunBody(body);
    }

    /**
     * A valid v1 body as the legacy Python client sends it: the procedure by uuid or short identifier,
     * the unit under test, phases in epoch milliseconds with legacy limits, a deprecated step, and the
     * client's name and version. {@code operator} must be a member's email.
     */
    public static RunBody v1(String procedure, String operator) {
        ObjectNode body = JSON.createObjectNode();
        body.put("procedure_id", procedure);
        body.put("procedure_name", "ignored by Runline");
        body.put("procedure_version", "1.4.2");
        body.put("run_passed", true);
        ObjectNode unit = body.putObject("unit_under_test");
        unit.put("serial_number", "SN-" + UUID.randomUUID().toString().substring(0, 8));
        unit.put("part_number", "PCB-100");
        unit.put("part_name", "Main board");
        unit.put("revision", "B");
        unit.put("batch_number", "LOT-1");
        body.put("started_at", "2026-11-02T08:15:30.250");
        body.put("duration", "PT1M5.5S");
        body.put("operated_by", operator);
        body.put("docstring", "Functional test of the main board");
        ObjectNode phase = body.putArray("phases").addObject();
        phase.put("name", "power_on");
        phase.put("outcome", "PASS");
        phase.put("start_time_millis", 1762071331000.0);
        phase.put("end_time_millis", 1762071333500.5);
        phase.put("docstring", "Power rails");
        ObjectNode measurement = phase.putArray("measurements").addObject();
        measurement.put("name", "vcc");
        measurement.put("outcome", "PASS");
        measurement.put("measured_value", 3.3);
        measurement.put("units", "V");
        measurement.put("lower_limit", 3.0);
        measurement.put("upper_limit", 3.6);
        ObjectNode step = body.putArray("steps").addObject();
        step.put("name", "idle_current");
        step.put("started_at", "2026-11-02T08:15:40Z");
        step.put("duration", "PT2S");
        step.put("step_passed", true);
        step.put("measurement_value", 0.42);
        step.put("measurement_unit", "A");
        step.put("limit_low", 0.1);
        step.put("limit_high", 0.5);
        ObjectNode log = body.putArray("logs").addObject();
        log.put("level", "WARNING");
        log.put("timestamp", "2026-11-02T08:15:32Z");
        log.put("message", "fixture slow to clamp");
        log.put("source_file", "test_main.py");
        log.put("line_number", 40);
        body.putObject("metadata").put("fixture", "F-7");
        body.put("client", "Python");
        body.put("client_version", "1.11.2");
        return new RunBody(body);
    }

    /** Sets the value at a path of field names and array indexes; JSON values are given as JSON text via {@link #json}. */
    public RunBody with(List<Object> path, Object value) {
        JsonNode parent = parent(path);
        Object last = path.getLast();
        JsonNode node = value instanceof JsonNode tree ? tree : JSON.valueToTree(value);
        if (last instanceof Integer index && index == parent.size()) {
            ((ArrayNode) parent).add(node);
        } else if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, node);
        } else {
            ((ObjectNode) parent).set((String) last, node);
        }
        return this;
    }

    public RunBody with(String field, Object value) {
        return with(List.of(field), value);
    }

    public RunBody without(List<Object> path) {
        JsonNode parent = parent(path);
        if (path.getLast() instanceof Integer index) {
            ((ArrayNode) parent).remove(index);
        } else {
            ((ObjectNode) parent).remove((String) path.getLast());
        }
        return this;
    }

    public RunBody without(String field) {
        return without(List.of(field));
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** An array of {@code count} copies of {@code element}, to fill a run up to (or past) a limit. */
    public static JsonNode copies(JsonNode element, int count) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            array.add(element.deepCopy());
        }
        return array;
    }

    public JsonNode tree() {
        return body.deepCopy();
    }

    public String toJson() {
        return body.toString();
    }

    private JsonNode parent(List<Object> path) {
        JsonNode node = body;
        for (Object step : path.subList(0, path.size() - 1)) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }
}
