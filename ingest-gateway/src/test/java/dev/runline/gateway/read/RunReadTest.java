package dev.runline.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.SeededRun;
import dev.runline.gateway.testing.SeededRun.Attachment;
import dev.runline.gateway.testing.SeededRun.Log;
import dev.runline.gateway.testing.SeededRun.Measurement;
import dev.runline.gateway.testing.SeededRun.Phase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v2/runs/{id}} (v2 {@code runs.get}) against a real PostgreSQL: each answer is checked against
 * the client's {@code RunGetResponse} model ({@link RunGetResponseModel}), then field by field for its values.
 */
class RunReadTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final KeyedTenant org = KeyedTenant.create(DATABASE);

    private WebTestClient.ResponseSpec get(String path, String key) {
        return http.get().uri(path).headers(headers -> headers.setBearerAuth(key)).exchange();
    }

    private JsonNode run(String path, String key) {
        String body = get(path, key).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode run = JSON.readTree(body);
        assertThat(RunGetResponseModel.RUN.problems(run)).as(body).isEmpty();
        return run;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Instant time(JsonNode node) {
        return Instant.parse(node.stringValue());
    }

    @Test
    void runWithEverythingAnswersTheClientModelWithTheStoredValues() {
        String suffix = suffix();
        SeededRun.Stored stored = SeededRun.in(org.tenant)
                .serial("SN-FULL-" + suffix).part("PCB-" + suffix, "Main board").revision("B").batch("LOT-" + suffix)
                .procedureVersion("v2.1.0").outcome("FAIL").times(T0, T0.plusSeconds(150)).docstring("Production run")
                .operator(org.tenant.viewerId)
                .phase(new Phase("Power", "FAIL", T0, T0.plusMillis(1500), 1, "Checks the rails", List.of(
                        Measurement.number("vcc", 3.31, "\"V\"", """
                                [{"operator": ">=", "expected_value": 3.2}, {"operator": "<=", "expected_value": 3.4, "outcome": "PASS"}]
                                """).withOutcome("PASS"))))
                .phase(Phase.passed("Untimed", null, null))
                .log(new Log("INFO", T0.plusSeconds(1), "powered", "power.py", 12))
                .subUnit("SUB-" + suffix)
                .attachment(Attachment.file("scope.csv", 42, "text/csv"))
                .store();

        JsonNode run = run("/api/v2/runs/" + stored.runId(), org.memberKey);

        assertThat(run.get("id").stringValue()).isEqualTo(stored.runId().toString());
        assertThat(time(run.get("started_at"))).isEqualTo(T0);
        assertThat(time(run.get("ended_at"))).isEqualTo(T0.plusSeconds(150));
        assertThat(time(run.get("created_at"))).isEqualTo(T0.plusSeconds(151));
        assertThat(run.get("duration").stringValue()).isEqualTo("PT2M30S");
        assertThat(run.get("outcome").stringValue()).isEqualTo("FAIL");
        assertThat(run.get("docstring").stringValue()).isEqualTo("Production run");
        JsonNode procedure = run.get("procedure");
        assertThat(procedure.get("id").stringValue()).isEqualTo(org.tenant.procedureId.toString());
        assertThat(procedure.get("name").stringValue()).isEqualTo("Functional test");
        assertThat(procedure.get("version").get("id").stringValue()).isEqualTo(stored.procedureVersionId().toString());
        assertThat(procedure.get("version").get("tag").stringValue()).isEqualTo("v2.1.0");
        JsonNode unit = run.get("unit");
        assertThat(unit.get("id").stringValue()).isEqualTo(stored.unitId().toString());
        assertThat(unit.get("serial_number").stringValue()).isEqualTo("SN-FULL-" + suffix);
        assertThat(unit.get("part").get("id").stringValue()).isEqualTo(stored.partId().toString());
        assertThat(unit.get("part").get("number").stringValue()).isEqualTo("PCB-" + suffix);
        assertThat(unit.get("part").get("name").stringValue()).isEqualTo("Main board");
        assertThat(unit.get("part").get("revision").get("id").stringValue()).isEqualTo(stored.revisionId().toString());
        assertThat(unit.get("part").get("revision").get("number").stringValue()).isEqualTo("B");
        assertThat(unit.get("batch").get("id").stringValue()).isEqualTo(stored.batchId().toString());
        assertThat(unit.get("batch").get("number").stringValue()).isEqualTo("LOT-" + suffix);
        assertThat(run.get("created_by_user").get("id").stringValue()).isEqualTo(org.tenant.adminId.toString());
        assertThat(run.get("created_by_user").get("email").stringValue()).isEqualTo(org.tenant.adminEmail);
        assertThat(run.get("created_by_station").isNull()).isTrue();
        assertThat(run.get("operated_by").get("id").stringValue()).isEqualTo(org.tenant.viewerId.toString());

        JsonNode power = run.get("phases").get(0);
        assertThat(power.get("id").stringValue()).isEqualTo(stored.phaseIds().get(0).toString());
        assertThat(power.get("name").stringValue()).isEqualTo("Power");
        assertThat(power.get("outcome").stringValue()).isEqualTo("FAIL");
        assertThat(power.get("duration").stringValue()).isEqualTo("PT1.5S");
        assertThat(power.get("retry_count").intValue()).isEqualTo(1);
        assertThat(power.get("docstring").stringValue()).isEqualTo("Checks the rails");
        JsonNode vcc = power.get("measurements").get(0);
        assertThat(vcc.get("name").stringValue()).isEqualTo("vcc");
        assertThat(vcc.get("outcome").stringValue()).isEqualTo("PASS");
        assertThat(vcc.get("measured_value").doubleValue()).isEqualTo(3.31);
        assertThat(vcc.get("units").stringValue()).isEqualTo("V");
        assertThat(vcc.get("validators")).hasSize(2);
        assertThat(vcc.get("validators").get(1).get("outcome").stringValue()).isEqualTo("PASS");

        assertThat(run.get("logs").get(0).get("level").stringValue()).isEqualTo("INFO");
        assertThat(run.get("logs").get(0).get("message").stringValue()).isEqualTo("powered");
        assertThat(run.get("logs").get(0).get("source_file").stringValue()).isEqualTo("power.py");
        assertThat(run.get("logs").get(0).get("line_number").intValue()).isEqualTo(12);
        assertThat(time(run.get("logs").get(0).get("timestamp"))).isEqualTo(T0.plusSeconds(1));
        assertThat(run.get("sub_units").get(0).get("serial_number").stringValue()).isEqualTo("SUB-" + suffix);
        assertThat(run.get("sub_units").get(0).get("part_number").stringValue()).isEqualTo("PCB-" + suffix);
        assertThat(run.get("sub_units").get(0).get("part_name").stringValue()).isEqualTo("Main board");
        JsonNode attachment = run.get("attachments").get(0);
        assertThat(attachment.get("name").stringValue()).isEqualTo("scope.csv");
        assertThat(attachment.get("size").longValue()).isEqualTo(42);
        assertThat(attachment.get("content_type").stringValue()).isEqualTo("text/csv");
        assertThat(attachment.get("is_report").booleanValue()).isFalse();
        assertThat(attachment.get("download_url").stringValue()).contains("/api/files/" + attachment.get("id").stringValue());
    }

    @Test
    void plainRunWritesNullWhereTheModelIsNullableAndEmptyLists() {
        UUID runId = SeededRun.in(org.tenant).submittedByStation(org.tenant.stationId).store().runId();

        JsonNode run = run("/api/v2/runs/" + runId, org.viewerKey);

        assertThat(run.get("procedure").has("version")).isTrue();
        assertThat(run.get("procedure").get("version").isNull()).isTrue();
        assertThat(run.get("unit").get("batch").isNull()).isTrue();
        assertThat(run.get("docstring").isNull()).isTrue();
        assertThat(run.get("created_by_user").isNull()).isTrue();
        assertThat(run.get("created_by_station").get("id").stringValue()).isEqualTo(org.tenant.stationId.toString());
        assertThat(run.get("created_by_station").get("name").stringValue()).isEqualTo("EOL-1");
        assertThat(run.get("operated_by").isNull()).isTrue();
        for (String list : List.of("phases", "attachments", "logs", "sub_units")) {
            assertThat(run.get(list)).as(list).isEmpty();
        }
    }

    @Test
    void everyKindOfMeasuredValueKeepsItsType() {
        SeededRun.Stored stored = SeededRun.in(org.tenant).phase(Phase.passed("Values", T0, T0.plusSeconds(1),
                Measurement.number("number", 2.5, null, null),
                new Measurement("text", "PASS", null, null, null, null, null, null, null, null, null)
                        .withOutcome("PASS"),
                new Measurement("string", "PASS", null, "1.2.3", null, null, null, null, null, null, null),
                new Measurement("flag", "FAIL", null, null, false, null, null, null, null, null, null),
                new Measurement("rows", "UNSET", null, null, null, "[[0, 1.5], [1, 2.5]]", null, null, null, null, null),
                new Measurement("object", "PASS", null, null, null, "{\"mode\": \"A\"}", null, null, null, null, null)))
                .store();

        JsonNode measurements = run("/api/v2/runs/" + stored.runId(), org.adminKey).get("phases").get(0).get("measurements");

        assertThat(measurements.get(0).get("measured_value").isNumber()).isTrue();
        assertThat(measurements.get(1).has("measured_value")).as("no value: absent, the model's field is not nullable")
                .isFalse();
        assertThat(measurements.get(2).get("measured_value").stringValue()).isEqualTo("1.2.3");
        assertThat(measurements.get(3).get("measured_value").isBoolean()).isTrue();
        assertThat(measurements.get(3).get("measured_value").booleanValue()).isFalse();
        assertThat(measurements.get(4).get("measured_value").get(1).get(1).doubleValue()).isEqualTo(2.5);
        assertThat(measurements.get(5).get("measured_value").get("mode").stringValue()).isEqualTo("A");
        assertThat(measurements.get(0).get("validators").isNull()).as("none stored: null, the model's field is required")
                .isTrue();
        assertThat(measurements.get(0).get("units").isNull()).isTrue();
    }

    @Test
    void validatorsGetTheFieldsTheModelRequires() {
        SeededRun.Stored stored = SeededRun.in(org.tenant).phase(Phase.passed("Checks", T0, T0.plusSeconds(1),
                Measurement.number("vcc", 3.3, "\"V\"", """
                        [{"operator": ">=", "expected_value": 3.2},
                         {"expression": "within spec", "outcome": "PASS"},
                         {"operator": "in", "expected_value": ["A", "B"], "is_decisive": false},
                         {"operator": "range", "expected_value": [1, 2]},
                         {"operator": "==", "expected_value": ["A", 1]}]
                        """))).store();

        JsonNode validators = run("/api/v2/runs/" + stored.runId(), org.adminKey).get("phases").get(0)
                .get("measurements").get(0).get("validators");

        JsonNode structured = validators.get(0);
        assertThat(structured.get("operator").stringValue()).isEqualTo(">=");
        assertThat(structured.get("expected_value").doubleValue()).isEqualTo(3.2);
        assertThat(structured.get("expression").stringValue()).isEqualTo(">= 3.2");
        assertThat(structured.get("analytics_expression").stringValue()).isEqualTo(">= 3.2");
        assertThat(structured.get("outcome").stringValue()).isEqualTo("UNSET");
        assertThat(structured.get("is_decisive").booleanValue()).isTrue();
        assertThat(structured.get("is_expression_only").booleanValue()).isFalse();
        assertThat(structured.get("has_custom_expression").booleanValue()).isFalse();
        JsonNode expression = validators.get(1);
        assertThat(expression.get("operator").isNull()).isTrue();
        assertThat(expression.get("expected_value").isNull()).isTrue();
        assertThat(expression.get("expression").stringValue()).isEqualTo("within spec");
        assertThat(expression.get("analytics_expression").isNull()).isTrue();
        assertThat(expression.get("outcome").stringValue()).isEqualTo("PASS");
        assertThat(expression.get("is_expression_only").booleanValue()).isTrue();
        assertThat(expression.get("has_custom_expression").booleanValue()).isTrue();
        assertThat(validators.get(2).get("expected_value").get(1).stringValue()).isEqualTo("B");
        assertThat(validators.get(2).get("is_decisive").booleanValue()).isFalse();
        assertThat(validators.get(3).get("expected_value").get(1).doubleValue()).isEqualTo(2.0);
        assertThat(validators.get(4).get("expected_value").get(1).stringValue()).as("a mixed list: strings").isEqualTo("1");
    }

    @Test
    void aggregationsAndDataSeriesAnswerTheirModels() {
        SeededRun.Stored stored = SeededRun.in(org.tenant).phase(Phase.passed("Sweep", T0, T0.plusSeconds(1),
                new Measurement("sweep", "PASS", null, null, null, null, "[\"s\", \"V\"]", null, """
                        [{"type": "MAX", "value": 2, "outcome": "PASS", "unit": "V",
                          "validators": [{"operator": "<", "expected_value": 5}]}]
                        """, """
                        {"data": [0, 1], "units": "s"}
                        """, """
                        [{"data": [1.5, 2], "units": "V", "aggregations": [{"type": "MEAN", "value": 1.75}]}]
                        """))).store();

        JsonNode sweep = run("/api/v2/runs/" + stored.runId(), org.adminKey).get("phases").get(0)
                .get("measurements").get(0);

        assertThat(sweep.get("units").stringValue()).isEqualTo("s, V");
        JsonNode max = sweep.get("aggregations").get(0);
        assertThat(max.get("id").stringValue()).isNotBlank();
        assertThat(max.get("type").stringValue()).isEqualTo("MAX");
        assertThat(max.get("value").doubleValue()).isEqualTo(2.0);
        assertThat(max.get("outcome").stringValue()).isEqualTo("PASS");
        assertThat(max.get("unit").stringValue()).isEqualTo("V");
        assertThat(max.get("validators").get(0).get("expression").stringValue()).isEqualTo("< 5");
        JsonNode series = sweep.get("data_series");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).get("units").stringValue()).isEqualTo("s");
        assertThat(series.get(1).get("data").get(0).doubleValue()).isEqualTo(1.5);
        JsonNode mean = series.get(1).get("aggregations").get(0);
        assertThat(mean.get("type").stringValue()).isEqualTo("MEAN");
        assertThat(mean.get("outcome").isNull()).as("no validators: null").isTrue();
        assertThat(mean.get("id").stringValue()).isNotEqualTo(max.get("id").stringValue());
    }

    @Test
    void phasesAndLogsWithoutTimesTakeTheRunsAndALogWithoutLineHasLineZero() {
        SeededRun.Stored stored = SeededRun.in(org.tenant).times(T0, T0.plusSeconds(60))
                .phase(Phase.passed("Untimed", null, null))
                .phase(Phase.passed("Started only", T0.plusSeconds(10), null))
                .log(new Log("WARNING", null, "no time", "main.py", null))
                .store();

        JsonNode run = run("/api/v2/runs/" + stored.runId(), org.adminKey);

        JsonNode untimed = run.get("phases").get(0);
        assertThat(time(untimed.get("started_at"))).isEqualTo(T0);
        assertThat(time(untimed.get("ended_at"))).isEqualTo(T0.plusSeconds(60));
        assertThat(untimed.get("duration").stringValue()).isEqualTo("PT1M");
        assertThat(untimed.get("measurements")).isEmpty();
        assertThat(run.get("phases").get(1).get("duration").stringValue()).isEqualTo("PT50S");
        assertThat(time(run.get("logs").get(0).get("timestamp"))).isEqualTo(T0);
        assertThat(run.get("logs").get(0).get("line_number").intValue()).isZero();
    }

    @Test
    void theReportComesFirstAndAnAttachmentWithoutTypeHasANullContentType() {
        SeededRun.Stored stored = SeededRun.in(org.tenant)
                .attachment(Attachment.file("scope.csv", 7, "text/csv"))
                .attachment(new Attachment(UUID.randomUUID(), "record.json", 100, null, true))
                .store();

        JsonNode attachments = run("/api/v2/runs/" + stored.runId(), org.stationKey).get("attachments");

        assertThat(attachments.get(0).get("is_report").booleanValue()).isTrue();
        assertThat(attachments.get(0).has("content_type")).isTrue();
        assertThat(attachments.get(0).get("content_type").isNull()).isTrue();
        assertThat(attachments.get(1).get("name").stringValue()).isEqualTo("scope.csv");
    }

    @Test
    void aStationKeyReadsARunAnotherKeyOfItsOrganizationCreated() {
        UUID runId = SeededRun.in(org.tenant).store().runId();

        JsonNode run = run("/api/v2/runs/" + runId, org.stationKey);

        assertThat(run.get("created_by_user").get("id").stringValue()).isEqualTo(org.tenant.adminId.toString());
    }

    @Test
    void theUnprefixedAliasAnswersTheSameRun() {
        UUID runId = SeededRun.in(org.tenant).store().runId();

        assertThat(run("/v2/runs/" + runId, org.adminKey).get("id").stringValue()).isEqualTo(runId.toString());
    }

    @Test
    void anAcceptedRunNotStoredYetIsNotFoundSayingItIsStillBeingStored() {
        UUID runId = createdRun(org.adminKey, org.tenant);

        ErrorBody answer = refused(get("/api/v2/runs/" + runId, org.adminKey), 404);

        assertThat(answer.code()).isEqualTo("NOT_FOUND");
        assertThat(answer.message()).contains("still being stored").contains("/api/v2/runs/" + runId + "/status");
    }

    @Test
    void aDeadLetteredRunIsNotFoundWithTheErrorThatStoppedIt() {
        UUID runId = UUID.randomUUID();
        org.tenant.execute("""
                INSERT INTO dead_letters (id, topic, partition, "offset", original_topic, run_id, organization_id, error_code,
                                          error_message, stage, attempts, dead_lettered_at)
                VALUES (?, 'runline.runs-dlt', 0, ?, 'runline.runs', ?, ?, 'NOT_FOUND', 'Sub-unit BRD-9 does not exist',
                        'resolve', 1, now())
                """, UUID.randomUUID(), System.nanoTime(), runId, org.tenant.organizationId);

        ErrorBody answer = refused(get("/api/v2/runs/" + runId, org.adminKey), 404);

        assertThat(answer.message()).contains("not stored").contains("NOT_FOUND: Sub-unit BRD-9 does not exist");
    }

    @Test
    void anotherOrganizationsRunIsNotFoundForEveryKeyKind() {
        KeyedTenant other = KeyedTenant.create(DATABASE);
        UUID runId = SeededRun.in(other.tenant).store().runId();

        for (String key : List.of(org.adminKey, org.memberKey, org.viewerKey, org.stationKey)) {
            ErrorBody answer = refused(get("/api/v2/runs/" + runId, key), 404);
            assertThat(answer.message()).isEqualTo("No run " + runId + " in this organization");
        }
    }

    @Test
    void aMalformedIdIsABadRequestOnItsPath() {
        ErrorBody answer = refused(get("/api/v2/runs/not-a-uuid", org.adminKey), 400);

        assertThat(answer.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("id"));
    }
}
