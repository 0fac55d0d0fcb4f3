package dev.runline.gateway.openhtf;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid OpenHTF test record, small, in the shape OutputToJSON writes; a test changes only the field it is
 * about, addressed by its path into the record ({@code with(List.of("phases", 1, "outcome"), "NOPE")}).
 */
final class RecordBody {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String VALID = """
            {
              "dut_id": "PCB100-0001",
              "station_id": "bench-3",
              "start_time_millis": 1796309272752,
              "end_time_millis": 1796309272760,
              "outcome": "PASS",
              "outcome_details": [],
              "metadata": {"procedure_id": "FVT1", "part_number": "PCB-100", "test_name": "eol",
                           "config": {"station_id": "vm"}},
              "phases": [
                {"name": "trigger_phase", "outcome": "PASS", "start_time_millis": 1796309272751,
                 "end_time_millis": 1796309272752, "measurements": {}, "attachments": {},
                 "codeinfo": {"name": "", "docstring": null, "sourcecode": ""}, "result": {"phase_result": "CONTINUE"}},
                {"name": "power_on", "outcome": "PASS", "start_time_millis": 1796309272752,
                 "end_time_millis": 1796309272753,
                 "measurements": {
                   "vcc": {"name": "vcc", "outcome": "PASS", "validators": ["3.0 <= x <= 3.6"],
                           "units": {"name": "volt", "code": "VLT", "suffix": "V"}, "measured_value": 3.3}
                 },
                 "attachments": {"note.txt": {"mimetype": "text/plain", "sha1": "x", "data": "aGVsbG8="}},
                 "codeinfo": {"name": "power_on", "docstring": "Powers the board.", "sourcecode": ""},
                 "result": {"phase_result": "CONTINUE"}}
              ],
              "log_records": [
                {"level": 20, "logger_name": "openhtf", "source": "station.py", "lineno": 12,
                 "timestamp_millis": 1796309272753, "message": "powered"}
              ]
            }
            """;

    private final ObjectNode record;

    private RecordBody(ObjectNode record) {
        this.record = record;
    }

    static RecordBody valid() {
        return new RecordBody((ObjectNode) JSON.readTree(VALID));
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    ObjectNode tree() {
        return record;
    }

    RecordBody with(String field, Object value) {
        return with(List.of(field), value);
    }

    RecordBody with(List<Object> path, Object value) {
        JsonNode parent = parent(path);
        Object last = path.getLast();
        JsonNode node = value instanceof JsonNode json ? json : JSON.valueToTree(value);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, node);
        } else {
            ArrayNode array = (ArrayNode) parent;
            int index = (Integer) last;
            if (index == array.size()) {
                array.add(node);
            } else {
                array.set(index, node);
            }
        }
        return this;
    }

    RecordBody without(String field) {
        return without(List.of(field));
    }

    RecordBody without(List<Object> path) {
        JsonNode parent = parent(path);
        if (parent instanceof ObjectNode object) {
            object.remove((String) path.getLast());
        } else {
            ((ArrayNode) parent).remove((int) (Integer) path.getLast());
        }
        return this;
    }

    private JsonNode parent(List<Object> path) {
        JsonNode node = record;
        for (Object step : path.subList(0, path.size() - 1)) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }
}
