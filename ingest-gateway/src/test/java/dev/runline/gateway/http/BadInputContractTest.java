package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestTenant;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract's bad-input table, over HTTP, for both API versions: every case is answered with the
 * right status, the contract's code and the JSON path of each failing field. v1 answers also carry the
 * legacy {@code error.message} with the exact content type the legacy client needs.
 */
class BadInputContractTest extends GatewayIntegrationTest {

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final String key = userKey(tenant, tenant.adminId);
    private final TestTenant patterned = patterned();
    private final String patternedKey = userKey(patterned, patterned.adminId);

    private static TestTenant patterned() {
        TestTenant tenant = TestTenant.create(DATABASE);
        tenant.setSerialPartRegex("^(PCB-\\d+)-\\d+$");
        return tenant;
    }

    /** Which body a case starts from, and which organization sends it. */
    enum Base { V1, V2, V1_PATTERNED, V2_PATTERNED }

    private record Case(String name, Base base, UnaryOperator<RunBody> change, int status, String code, List<List<Object>> paths) {
        @Override
        public String toString() {
            return base + ": " + name;
        }
    }

    private static Case v2(String name, UnaryOperator<RunBody> change, Object... path) {
        return new Case(name, Base.V2, change, 400, "BAD_REQUEST", List.of(List.of(path)));
    }

    private static Case v1(String name, UnaryOperator<RunBody> change, Object... path) {
        return new Case(name, Base.V1, change, 400, "BAD_REQUEST", List.of(List.of(path)));
    }

    private static Case other(Base base, String name, UnaryOperator<RunBody> change, int status, String code, Object... path) {
        return new Case(name, base, change, status, code, path.length == 0 ? List.of() : List.of(List.of(path)));
    }

    private static List<Object> p(Object... steps) {
        return List.of(steps);
    }

    private static JsonNode json(String text) {
        return RunBody.json(text);
    }

    private static JsonNode manyKeys(int count) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return json(text.append('}').toString());
    }

    private static final JsonNode PHASE = json("{\"name\":\"p\",\"outcome\":\"PASS\"}");
    private static final JsonNode MEASUREMENT = json("{\"name\":\"m\",\"outcome\":\"PASS\",\"measured_value\":1}");
    private static final JsonNode LOG = json("{\"level\":\"INFO\",\"message\":\"x\"}");
    private static final List<Object> M0 = p("phases", 0, "measurements", 0);
    /** Sent as {@code 1E+400}, which the gateway reads as Infinity. */
    private static final BigDecimal BEYOND_DOUBLE = new BigDecimal("1e400");
    /** 401 digits: beyond a double's range as an integer. */
    private static final BigInteger INTEGER_BEYOND_DOUBLE = BigInteger.TEN.pow(400);

    private static JsonNode phaseWith(JsonNode measurement, int count) {
        ObjectNode phase = (ObjectNode) PHASE.deepCopy();
        phase.set("measurements", RunBody.copies(measurement, count));
        return phase;
    }

    private static List<Object> m0(Object... more) {
        List<Object> path = new ArrayList<>(M0);
        path.addAll(Arrays.asList(more));
        return path;
    }

    Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        // v2: top level
        cases.add(v2("outcome missing", r -> r.without("outcome"), "outcome"));
        cases.add(v2("outcome unknown", r -> r.with("outcome", "PASSED"), "outcome"));
        cases.add(v2("outcome lower case", r -> r.with("outcome", "pass"), "outcome"));
        cases.add(v2("outcome not a string", r -> r.with("outcome", 1), "outcome"));
        cases.add(v2("procedure_id missing", r -> r.without("procedure_id"), "procedure_id"));
        cases.add(v2("procedure_id malformed", r -> r.with("procedure_id", "not-a-uuid"), "procedure_id"));
        cases.add(v2("procedure_id a number", r -> r.with("procedure_id", 7), "procedure_id"));
        cases.add(v2("serial missing", r -> r.without("serial_number"), "serial_number"));
        cases.add(v2("serial empty", r -> r.with("serial_number", ""), "serial_number"));
        cases.add(v2("serial with space", r -> r.with("serial_number", "SN 1"), "serial_number"));
        cases.add(v2("serial with slash", r -> r.with("serial_number", "SN/1"), "serial_number"));
        cases.add(v2("serial too long", r -> r.with("serial_number", "S".repeat(61)), "serial_number"));
        cases.add(v2("serial a number", r -> r.with("serial_number", 42), "serial_number"));
        cases.add(v2("part number with slash", r -> r.with("part_number", "PCB/1"), "part_number"));
        cases.add(v2("part number empty", r -> r.with("part_number", ""), "part_number"));
        cases.add(v2("revision with space", r -> r.with("revision_number", "rev A"), "revision_number"));
        cases.add(v2("batch too long", r -> r.with("batch_number", "B".repeat(61)), "batch_number"));
        cases.add(v2("version with space", r -> r.with("procedure_version", "v 1"), "procedure_version"));
        cases.add(v2("operator not an email", r -> r.with("operated_by", "alice"), "operated_by"));
        cases.add(v2("operator email too long", r -> r.with("operated_by", "a".repeat(250) + "@x.io"), "operated_by"));
        cases.add(v2("started_at not a date", r -> r.with("started_at", "yesterday"), "started_at"));
        cases.add(v2("started_at date only", r -> r.with("started_at", "2026-11-02"), "started_at"));
        cases.add(v2("ended_at a number", r -> r.with("ended_at", 1762071331), "ended_at"));
        cases.add(v2("ended before started", r -> r.with("ended_at", "2026-11-02T08:00:00Z"), "ended_at"));
        cases.add(v2("docstring too long", r -> r.with("docstring", "d".repeat(50_001)), "docstring"));
        cases.add(v2("sub_units not an array", r -> r.with("sub_units", "SN-2"), "sub_units"));
        cases.add(v2("sub-unit serial invalid", r -> r.with("sub_units", json("[\"ok\",\"not ok\"]")), "sub_units", 1));
        cases.add(v2("sub-unit an object", r -> r.with("sub_units", json("[{\"serial_number\":\"A\"}]")), "sub_units", 0));
        cases.add(v2("metadata not an object", r -> r.with("metadata", json("[1]")), "metadata"));
        cases.add(v2("metadata nested value", r -> r.with("metadata", json("{\"a\":{\"b\":1}}")), "metadata", "a"));
        cases.add(v2("metadata null value", r -> r.with("metadata", json("{\"a\":null}")), "metadata", "a"));
        cases.add(v2("metadata over 50 keys", r -> r.with("metadata", manyKeys(51)), "metadata"));
        cases.add(v2("unit_metadata array value", r -> r.with("unit_metadata", json("{\"a\":[1]}")), "unit_metadata", "a"));
        cases.add(v2("unit_metadata over 50 keys", r -> r.with("unit_metadata", manyKeys(51)), "unit_metadata"));
        cases.add(v2("NUL character in a docstring", r -> r.with("docstring", "a\u0000b"), "docstring"));
        cases.add(v2("NUL character in a metadata key", r -> r.with("metadata", json("{\"a\\u0000\":1}")), "metadata", "a\\u0000"));
        cases.add(v2("started_at beyond year 9999", r -> r.with("started_at", "+300000-01-01T00:00:00Z"), "started_at"));
        cases.add(v2("ended_at before year 1", r -> r.with("ended_at", "-5000-01-01T00:00:00Z"), "ended_at"));
        cases.add(v2("version empty", r -> r.with("procedure_version", ""), "procedure_version"));
        cases.add(v2("metadata number beyond a double's range", r -> r.with("metadata", json("{}")).with(p("metadata", "gain"), BEYOND_DOUBLE), "metadata", "gain"));
        cases.add(v2("metadata integer beyond a double's range", r -> r.with("metadata", json("{}")).with(p("metadata", "count"), INTEGER_BEYOND_DOUBLE), "metadata", "count"));
        // v2: phases
        cases.add(v2("phases not an array", r -> r.with("phases", "x"), "phases"));
        cases.add(v2("phase not an object", r -> r.with(p("phases", 0), 5), "phases", 0));
        cases.add(v2("phase name missing", r -> r.without(p("phases", 0, "name")), "phases", 0, "name"));
        cases.add(v2("phase name empty", r -> r.with(p("phases", 0, "name"), ""), "phases", 0, "name"));
        cases.add(v2("phase outcome missing", r -> r.without(p("phases", 0, "outcome")), "phases", 0, "outcome"));
        cases.add(v2("phase outcome unknown", r -> r.with(p("phases", 0, "outcome"), "UNSET"), "phases", 0, "outcome"));
        cases.add(v2("phase started_at malformed", r -> r.with(p("phases", 0, "started_at"), "08:00"), "phases", 0, "started_at"));
        cases.add(v2("phase ends before start", r -> r.with(p("phases", 0, "ended_at"), "2026-11-02T08:00:00Z"), "phases", 0, "ended_at"));
        cases.add(v2("phase retry_count negative", r -> r.with(p("phases", 0, "retry_count"), -1), "phases", 0, "retry_count"));
        cases.add(v2("phase retry_count fractional", r -> r.with(p("phases", 0, "retry_count"), 1.5), "phases", 0, "retry_count"));
        cases.add(v2("phase retry_count a string", r -> r.with(p("phases", 0, "retry_count"), "1"), "phases", 0, "retry_count"));
        cases.add(v2("phase docstring too long", r -> r.with(p("phases", 0, "docstring"), "d".repeat(50_001)), "phases", 0, "docstring"));
        // v2: measurements
        cases.add(v2("measurements not an array", r -> r.with(p("phases", 0, "measurements"), json("{}")), "phases", 0, "measurements"));
        cases.add(v2("measurement not an object", r -> r.with(M0, "vcc"), M0.toArray()));
        cases.add(v2("measurement name missing", r -> r.without(m0("name")), m0("name").toArray()));
        cases.add(v2("measurement outcome unknown", r -> r.with(m0("outcome"), "SKIP"), m0("outcome").toArray()));
        cases.add(v2("measurement units a number", r -> r.with(m0("units"), 5), m0("units").toArray()));
        cases.add(v2("measurement unit list with a number", r -> r.with(m0("units"), json("[\"V\",2]")), m0("units", 1).toArray()));
        cases.add(v2("measurement lower_limit a string", r -> r.with(m0("lower_limit"), "3"), m0("lower_limit").toArray()));
        cases.add(v2("validators an object", r -> r.with(m0("validators"), json("{}")), m0("validators").toArray()));
        cases.add(v2("validator not an object", r -> r.with(m0("validators"), json("[1]")), m0("validators", 0).toArray()));
        cases.add(v2("validator operator unknown", r -> r.with(m0("validators"), json("[{\"operator\":\"~\",\"expected_value\":1}]")), m0("validators", 0, "operator").toArray()));
        cases.add(v2("validator without operator or expression", r -> r.with(m0("validators"), json("[{\"expected_value\":1}]")), m0("validators", 0, "operator").toArray()));
        cases.add(v2("validator expected_value an object", r -> r.with(m0("validators"), json("[{\"operator\":\"==\",\"expected_value\":{}}]")), m0("validators", 0, "expected_value").toArray()));
        cases.add(v2("validator is_decisive a string", r -> r.with(m0("validators"), json("[{\"operator\":\"<\",\"expected_value\":1,\"is_decisive\":\"yes\"}]")), m0("validators", 0, "is_decisive").toArray()));
        cases.add(v2("validator outcome unknown", r -> r.with(m0("validators"), json("[{\"operator\":\"<\",\"expected_value\":1,\"outcome\":\"OK\"}]")), m0("validators", 0, "outcome").toArray()));
        cases.add(v2("aggregation without type", r -> r.with(m0("aggregations"), json("[{\"value\":1}]")), m0("aggregations", 0, "type").toArray()));
        cases.add(v2("aggregation value a string", r -> r.with(m0("aggregations"), json("[{\"type\":\"max\",\"value\":\"1\"}]")), m0("aggregations", 0, "value").toArray()));
        cases.add(v2("x_axis not an object", r -> r.with(m0("x_axis"), json("[1,2]")), m0("x_axis").toArray()));
        cases.add(v2("x_axis without data", r -> r.with(m0("x_axis"), json("{\"units\":\"s\"}")), m0("x_axis", "data").toArray()));
        cases.add(v2("y_axis not an array", r -> r.with(m0("y_axis"), json("{\"data\":[1]}")), m0("y_axis").toArray()));
        cases.add(v2("y_axis data with a string", r -> r.with(m0("y_axis"), json("[{\"data\":[1,\"2\"]}]")), m0("y_axis", 0, "data", 1).toArray()));
        cases.add(v2("measurement docstring too long", r -> r.with(m0("docstring"), "d".repeat(50_001)), m0("docstring").toArray()));
        cases.add(v2("measured value beyond a double's range", r -> r.with(m0("measured_value"), BEYOND_DOUBLE), m0("measured_value").toArray()));
        cases.add(v2("lower_limit beyond a double's range", r -> r.with(m0("lower_limit"), BEYOND_DOUBLE.negate()), m0("lower_limit").toArray()));
        cases.add(v2("validator expected_value beyond a double's range", r -> r.with(m0("validators"), json("[{\"operator\":\"<\",\"expected_value\":0}]"))
                .with(m0("validators", 0, "expected_value"), BEYOND_DOUBLE), m0("validators", 0, "expected_value").toArray()));
        // v2: logs
        cases.add(v2("logs not an array", r -> r.with("logs", json("{}")), "logs"));
        cases.add(v2("log level missing", r -> r.without(p("logs", 0, "level")), "logs", 0, "level"));
        cases.add(v2("log level unknown", r -> r.with(p("logs", 0, "level"), "TRACE"), "logs", 0, "level"));
        cases.add(v2("log line number fractional", r -> r.with(p("logs", 0, "line_number"), 3.5), "logs", 0, "line_number"));
        cases.add(v2("log line number negative", r -> r.with(p("logs", 0, "line_number"), -2), "logs", 0, "line_number"));
        cases.add(v2("log timestamp malformed", r -> r.with(p("logs", 0, "timestamp"), "12:00"), "logs", 0, "timestamp"));
        cases.add(v2("log message a number", r -> r.with(p("logs", 0, "message"), 12), "logs", 0, "message"));
        // v2: limits (the test configuration sets them low)
        cases.add(v2("too many phases", r -> r.with("phases", RunBody.copies(PHASE, 21)), "phases"));
        cases.add(v2("too many measurements in a phase", r -> r.with(p("phases", 0, "measurements"), RunBody.copies(MEASUREMENT, 51)), "phases", 0, "measurements"));
        cases.add(v2("too many logs", r -> r.with("logs", RunBody.copies(LOG, 31)), "logs"));
        cases.add(v2("too many sub-units", r -> r.with("sub_units", json("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]")), "sub_units"));
        cases.add(v2("too many measurements in all", r -> r.with("phases", RunBody.copies(phaseWith(MEASUREMENT, 41), 5)), "phases"));
        // v1
        cases.add(v1("run_passed missing", r -> r.without("run_passed"), "run_passed"));
        cases.add(v1("run_passed a string", r -> r.with("run_passed", "true"), "run_passed"));
        cases.add(v1("procedure_id missing", r -> r.without("procedure_id"), "procedure_id"));
        cases.add(v1("procedure_id too long", r -> r.with("procedure_id", "P".repeat(256)), "procedure_id"));
        cases.add(v1("procedure_id a number", r -> r.with("procedure_id", 12), "procedure_id"));
        cases.add(v1("procedure_version too long", r -> r.with("procedure_version", "v".repeat(256)), "procedure_version"));
        cases.add(v1("procedure_version empty", r -> r.with("procedure_version", ""), "procedure_version"));
        cases.add(new Case("unit_under_test not an object", Base.V1, r -> r.with("unit_under_test", "SN-1"), 400, "BAD_REQUEST",
                List.of(p("unit_under_test"), p("unit_under_test", "serial_number"))));
        cases.add(v1("serial missing everywhere", r -> r.without(p("unit_under_test", "serial_number")), "unit_under_test", "serial_number"));
        cases.add(v1("serial invalid", r -> r.with(p("unit_under_test", "serial_number"), "SN 1"), "unit_under_test", "serial_number"));
        cases.add(v1("serial too long", r -> r.with(p("unit_under_test", "serial_number"), "S".repeat(61)), "unit_under_test", "serial_number"));
        cases.add(v1("part number invalid", r -> r.with(p("unit_under_test", "part_number"), "PCB 1"), "unit_under_test", "part_number"));
        cases.add(v1("revision invalid", r -> r.with(p("unit_under_test", "revision"), "B/2"), "unit_under_test", "revision"));
        cases.add(v1("batch invalid", r -> r.with(p("unit_under_test", "batch_number"), "LOT 1"), "unit_under_test", "batch_number"));
        cases.add(v1("part name too long", r -> r.with(p("unit_under_test", "part_name"), "n".repeat(256)), "unit_under_test", "part_name"));
        cases.add(v1("top-level serial invalid", r -> r.without("unit_under_test").with("serial_number", "SN 9"), "serial_number"));
        cases.add(v1("top-level revision invalid", r -> r.without(p("unit_under_test", "revision")).with("revision_number", "r 2"), "revision_number"));
        cases.add(v1("started_at malformed", r -> r.with("started_at", "noon"), "started_at"));
        cases.add(v1("duration malformed", r -> r.with("duration", "1 minute"), "duration"));
        cases.add(v1("duration negative", r -> r.with("duration", "-PT1S"), "duration"));
        cases.add(v1("duration in months", r -> r.with("duration", "P1M"), "duration"));
        cases.add(v1("duration of centuries", r -> r.with("duration", "PT9000000000000H"), "duration"));
        cases.add(v1("NUL character in a log message", r -> r.with(p("logs", 0, "message"), "x\u0000"), "logs", 0, "message"));
        cases.add(v1("operator not an email", r -> r.with("operated_by", "bob"), "operated_by"));
        cases.add(v1("sub_units not an array", r -> r.with("sub_units", "BRD-1"), "sub_units"));
        cases.add(v1("sub-unit a plain serial", r -> r.with("sub_units", json("[\"BRD-1\"]")), "sub_units", 0));
        cases.add(v1("sub-unit without serial", r -> r.with("sub_units", json("[{}]")), "sub_units", 0, "serial_number"));
        cases.add(v1("sub-unit serial invalid", r -> r.with("sub_units", json("[{\"serial_number\":\"B 1\"}]")), "sub_units", 0, "serial_number"));
        cases.add(v1("phase name missing", r -> r.without(p("phases", 0, "name")), "phases", 0, "name"));
        cases.add(v1("phase outcome unknown", r -> r.with(p("phases", 0, "outcome"), "GOOD"), "phases", 0, "outcome"));
        cases.add(v1("phase start a string", r -> r.with(p("phases", 0, "start_time_millis"), "1762071331000"), "phases", 0, "start_time_millis"));
        cases.add(v1("phase start negative", r -> r.with(p("phases", 0, "start_time_millis"), -5), "phases", 0, "start_time_millis"));
        cases.add(v1("phase ends before start", r -> r.with(p("phases", 0, "end_time_millis"), 1762071330000.0), "phases", 0, "end_time_millis"));
        cases.add(v1("measurement outcome unknown", r -> r.with(m0("outcome"), "OK"), m0("outcome").toArray()));
        cases.add(v1("measurement upper_limit a string", r -> r.with(m0("upper_limit"), "3.6"), m0("upper_limit").toArray()));
        cases.add(v1("measurement upper_limit beyond a double's range", r -> r.with(m0("upper_limit"), BEYOND_DOUBLE), m0("upper_limit").toArray()));
        cases.add(v1("step value beyond a double's range", r -> r.with(p("steps", 0, "measurement_value"), BEYOND_DOUBLE), "steps", 0, "measurement_value"));
        cases.add(v1("step not an object", r -> r.with(p("steps", 0), "s"), "steps", 0));
        cases.add(v1("step name missing", r -> r.without(p("steps", 0, "name")), "steps", 0, "name"));
        cases.add(v1("step_passed missing", r -> r.without(p("steps", 0, "step_passed")), "steps", 0, "step_passed"));
        cases.add(v1("step started_at malformed", r -> r.with(p("steps", 0, "started_at"), "now"), "steps", 0, "started_at"));
        cases.add(v1("step duration malformed", r -> r.with(p("steps", 0, "duration"), "2s"), "steps", 0, "duration"));
        cases.add(v1("step value an object", r -> r.with(p("steps", 0, "measurement_value"), json("{}")), "steps", 0, "measurement_value"));
        cases.add(v1("step limit a string", r -> r.with(p("steps", 0, "limit_low"), "0.1"), "steps", 0, "limit_low"));
        cases.add(v1("docstring too long", r -> r.with("docstring", "d".repeat(50_001)), "docstring"));
        cases.add(v1("metadata over 50 keys", r -> r.with("metadata", manyKeys(51)), "metadata"));
        cases.add(v1("log level unknown", r -> r.with(p("logs", 0, "level"), "NOTICE"), "logs", 0, "level"));
        cases.add(v1("client not a string", r -> r.with("client", 3), "client"));
        cases.add(v1("client_version too long", r -> r.with("client_version", "1".repeat(256)), "client_version"));
        cases.add(v1("too many phases and steps", r -> r.with("phases", RunBody.copies(PHASE, 20)), "phases"));
        cases.add(v1("too many measurements in all", r -> r.with("phases", RunBody.copies(phaseWith(MEASUREMENT, 41), 5)), "phases"));
        // Settled against the organization's data
        cases.add(other(Base.V2, "procedure does not exist", r -> r.with("procedure_id", UUID.randomUUID().toString()), 404, "NOT_FOUND", "procedure_id"));
        cases.add(other(Base.V1, "procedure identifier does not exist", r -> r.with("procedure_id", "NOPE1"), 404, "NOT_FOUND", "procedure_id"));
        cases.add(other(Base.V1, "procedure uuid does not exist", r -> r.with("procedure_id", UUID.randomUUID().toString()), 404, "NOT_FOUND", "procedure_id"));
        cases.add(other(Base.V1, "operator is not a member", r -> r.with("operated_by", "stranger@example.com"), 404, "NOT_FOUND", "operated_by"));
        cases.add(other(Base.V2, "no part number and no pattern", r -> r.without("part_number"), 400, "BAD_REQUEST", "part_number"));
        cases.add(other(Base.V1, "no part number and no pattern", r -> r.without(p("unit_under_test", "part_number")), 400, "BAD_REQUEST", "unit_under_test", "part_number"));
        cases.add(other(Base.V1, "no part number and no pattern, unit keys at top level", r -> r.without("unit_under_test").with("serial_number", "SN-TOP-1"), 400, "BAD_REQUEST", "part_number"));
        cases.add(other(Base.V2_PATTERNED, "serial does not match the pattern", r -> r.without("part_number").with("serial_number", "XYZ-1"), 422, "UNPROCESSABLE_CONTENT", "serial_number"));
        cases.add(other(Base.V1_PATTERNED, "serial does not match the pattern", r -> r.without(p("unit_under_test", "part_number")), 422, "UNPROCESSABLE_CONTENT", "unit_under_test", "serial_number"));
        cases.add(other(Base.V1_PATTERNED, "serial does not match the pattern, unit keys at top level", r -> r.without("unit_under_test").with("serial_number", "XYZ-1"), 422, "UNPROCESSABLE_CONTENT", "serial_number"));
        cases.add(other(Base.V2, "body too large", r -> r.with("docstring", "d".repeat(300_000)), 413, "PAYLOAD_TOO_LARGE"));
        cases.add(other(Base.V1, "body too large", r -> r.with("docstring", "d".repeat(300_000)), 413, "PAYLOAD_TOO_LARGE"));
        return cases.stream().map(c -> Arguments.of(c));
    }

    private RunBody start(Base base) {
        return switch (base) {
            case V2 -> RunBody.v2(tenant.procedureId);
            case V1 -> RunBody.v1("FVT1", tenant.adminEmail);
            case V2_PATTERNED -> RunBody.v2(patterned.procedureId);
            case V1_PATTERNED -> RunBody.v1(patterned.procedureId.toString(), patterned.adminEmail);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGetsTheContractsAnswer(Case bad) {
        boolean v1 = bad.base() == Base.V1 || bad.base() == Base.V1_PATTERNED;
        String apiKey = bad.base() == Base.V1_PATTERNED || bad.base() == Base.V2_PATTERNED ? patternedKey : key;

        var response = post(v1 ? "/api/v1/runs" : "/api/v2/runs", apiKey, bad.change().apply(start(bad.base())).toJson())
                .expectStatus().isEqualTo(bad.status());
        if (v1) {
            // The legacy client ignores error bodies whose content type carries a charset.
            response.expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        ErrorBody error = response.expectBody(ErrorBody.class).returnResult().getResponseBody();

        assertThat(error.code()).isEqualTo(bad.code());
        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactlyInAnyOrderElementsOf(bad.paths());
        if (v1) {
            assertThat(error.error()).isNotNull();
            assertThat(error.error().message()).isEqualTo(error.message());
        } else {
            assertThat(error.error()).isNull();
        }
    }

    @Test
    void theTableHasAtLeastEightyDistinctCases() {
        assertThat(cases().map(arguments -> arguments.get()[0].toString()).distinct()).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void onlyTheFirstHundredIssuesAreListedAndTheMessageCountsTheRest() {
        JsonNode badMeasurements = RunBody.copies(phaseWith(json("0"), 50), 4); // 200 measurements, within the limits
        for (String path : new String[] {"/api/v1/runs", "/api/v2/runs"}) {
            RunBody body = path.contains("v1") ? RunBody.v1("FVT1", tenant.adminEmail) : RunBody.v2(tenant.procedureId);

            ErrorBody error = refused(post(path, key, body.with("phases", badMeasurements).toJson()), 400);

            assertThat(error.issues()).hasSize(100);
            assertThat(error.message()).startsWith("Invalid request: 200 issues").endsWith("100 more were found)");
        }
    }

    @Test
    void malformedJsonIsABadRequestOnBothVersions() {
        for (String path : new String[] {"/api/v1/runs", "/api/v2/runs"}) {
            ErrorBody error = refused(post(path, key, "{\"run_passed\": tru"), 400);
            assertThat(error.code()).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void bothVersionsAcceptTheirValidBody() {
        post("/api/v1/runs", key, RunBody.v1("FVT1", tenant.adminEmail).toJson()).expectStatus().isOk();
        post("/v1/runs", key, RunBody.v1(tenant.procedureId.toString(), tenant.adminEmail).toJson()).expectStatus().isOk();
        post("/api/v2/runs", key, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON);
    }
}
