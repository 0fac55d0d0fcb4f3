package dev.runline.gateway.testing;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid v2 create-run body; a test changes only the field it is about, addressed by its JSON path
 * ({@code with(List.of("phases", 0, "outcome"), "NOPE")}).
 */
public final class V2Runs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode body;

    private V2Runs(ObjectNode body) {
        this.body = body;
    }

    public static V2Runs valid(UUID procedureId) {
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
        return new V2Runs(body);
    }

    /** Sets the value at a path of field names and array indexes; JSON values are given as JSON text via {@link #json}. */
    public V2Runs with(List<Object> path, Object value) {
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

    public V2Runs with(String field, Object value) {
        return with(List.of(field), value);
    }

    public V2Runs without(List<Object> path) {
        JsonNode parent = parent(path);
        if (path.getLast() instanceof Integer index) {
            ((ArrayNode) parent).remove(index);
        } else {
            ((ObjectNode) parent).remove((String) path.getLast());
        }
        return this;
    }

    public V2Runs without(String field) {
        return without(List.of(field));
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
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
