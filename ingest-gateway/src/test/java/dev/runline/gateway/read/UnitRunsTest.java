package dev.runline.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.SeededRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/runs?serial_number=SN} (v1 {@code get_runs}) against a real PostgreSQL: a JSON list (the
 * client wraps it into its success answer), each element checked against the client's {@code Run} type.
 */
class UnitRunsTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final KeyedTenant org = KeyedTenant.create(DATABASE);

    private JsonNode runs(String path, String key) {
        String body = http.get().uri(path).headers(headers -> headers.setBearerAuth(key)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode runs = JSON.readTree(body);
        assertThat(runs.isArray()).as(body).isTrue();
        for (JsonNode run : runs) {
            assertThat(V1RunModel.RUN.problems(run)).as(body).isEmpty();
        }
        return runs;
    }

    private static List<String> ids(JsonNode runs) {
        List<String> ids = new ArrayList<>();
        runs.forEach(run -> ids.add(run.get("id").stringValue()));
        return ids;
    }

    private static String serial() {
        return "Sn-Mixed-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theUnitsRunsComeNewestFirstMatchedCaseInsensitively() {
        String serial = serial();
        UUID oldest = SeededRun.in(org.tenant).serial(serial).times(T0, T0.plusSeconds(5)).store().runId();
        UUID newest = SeededRun.in(org.tenant).serial(serial).times(T0.plusSeconds(7200), T0.plusSeconds(7205))
                .outcome("FAIL").store().runId();
        UUID middle = SeededRun.in(org.tenant).serial(serial).times(T0.plusSeconds(3600), T0.plusSeconds(3605))
                .store().runId();
        SeededRun.in(org.tenant).store();

        JsonNode runs = runs("/api/v1/runs?serial_number=" + serial.toUpperCase(), org.stationKey);

        assertThat(ids(runs)).containsExactly(newest.toString(), middle.toString(), oldest.toString());
        assertThat(runs.get(0).get("outcome").stringValue()).isEqualTo("FAIL");
    }

    @Test
    void eachRunCarriesItsProcedureUnitAndCreator() {
        String serial = serial();
        SeededRun.Stored stored = SeededRun.in(org.tenant).serial(serial).part("PCB-V1", "Board").revision("C")
                .batch("LOT-V1").procedureVersion("1.4").times(T0, T0.plusSeconds(90)).store();

        JsonNode run = runs("/api/v1/runs?serial_number=" + serial, org.viewerKey).get(0);

        assertThat(run.get("id").stringValue()).isEqualTo(stored.runId().toString());
        assertThat(Instant.parse(run.get("started_at").stringValue())).isEqualTo(T0);
        assertThat(Instant.parse(run.get("ended_at").stringValue())).isEqualTo(T0.plusSeconds(90));
        assertThat(run.get("duration").stringValue()).isEqualTo("PT1M30S");
        assertThat(run.get("outcome").stringValue()).isEqualTo("PASS");
        assertThat(run.get("procedure").get("id").stringValue()).isEqualTo(org.tenant.procedureId.toString());
        assertThat(run.get("procedure").get("name").stringValue()).isEqualTo("Functional test");
        assertThat(run.get("procedure_version").get("value").stringValue()).isEqualTo("1.4");
        JsonNode unit = run.get("unit");
        assertThat(unit.get("id").stringValue()).isEqualTo(stored.unitId().toString());
        assertThat(unit.get("serial_number").stringValue()).isEqualTo(serial);
        assertThat(unit.get("batch").get("number").stringValue()).isEqualTo("LOT-V1");
        assertThat(unit.get("revision").get("identifier").stringValue()).isEqualTo("C");
        assertThat(unit.get("revision").get("component").get("part_number").stringValue()).isEqualTo("PCB-V1");
        assertThat(unit.get("revision").get("component").get("name").stringValue()).isEqualTo("Board");
        assertThat(run.get("created_by_user").get("id").stringValue()).isEqualTo(org.tenant.adminId.toString());
        assertThat(run.get("created_by_station").isNull()).isTrue();
    }

    @Test
    void anotherOrganizationsUnitOfTheSameSerialIsNotListed() {
        String serial = serial();
        KeyedTenant other = KeyedTenant.create(DATABASE);
        UUID mine = SeededRun.in(org.tenant).serial(serial).store().runId();
        UUID theirs = SeededRun.in(other.tenant).serial(serial).store().runId();

        JsonNode runs = runs("/api/v1/runs?serial_number=" + serial, org.adminKey);

        assertThat(ids(runs)).containsExactly(mine.toString()).doesNotContain(theirs.toString());
    }

    @Test
    void anUnknownSerialIsAnEmptyList() {
        assertThat(runs("/api/v1/runs?serial_number=NO-SUCH-" + UUID.randomUUID(), org.memberKey)).isEmpty();
    }

    @Test
    void theUnprefixedAliasAnswersTheSameList() {
        String serial = serial();
        UUID runId = SeededRun.in(org.tenant).serial(serial).store().runId();

        assertThat(ids(runs("/v1/runs?serial_number=" + serial, org.adminKey))).containsExactly(runId.toString());
    }

    @Test
    void aMissingSerialIsABadRequestOnItsName() {
        ErrorBody answer = refused(http.get().uri("/api/v1/runs").headers(headers -> headers.setBearerAuth(org.adminKey))
                .exchange(), 400);

        assertThat(answer.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("serial_number"));
    }
}
