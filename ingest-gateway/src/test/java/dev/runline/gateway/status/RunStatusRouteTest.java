package dev.runline.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.http.RunController;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestTenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /api/v2/runs/{id}/status} against a real PostgreSQL: every status, scoped to the caller's organization. */
class RunStatusRouteTest extends GatewayIntegrationTest {

    private WebTestClient.ResponseSpec get(String path, String key) {
        return http.get().uri(path).headers(headers -> {
            if (key != null) {
                headers.setBearerAuth(key);
            }
        }).exchange();
    }

    private RunStatus status(String path, String key) {
        return get(path, key).expectStatus().isOk().expectBody(RunStatus.class).returnResult().getResponseBody();
    }

    @Test
    void acceptedRunNotYetStoredIsInFlight() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String key = userKey(tenant, tenant.adminId);
        UUID id = post("/api/v2/runs", key, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk()
                .expectBody(RunController.CreatedRun.class).returnResult().getResponseBody().id();

        assertThat(status("/api/v2/runs/" + id + "/status", key).status()).isEqualTo(RunStatus.IN_FLIGHT);
        assertThat(status("/v2/runs/" + id + "/status", key).status()).isEqualTo(RunStatus.IN_FLIGHT);
    }

    @Test
    void storedRunIsStoredWithItsOutcomeForAnyKeyOfItsOrganization() {
        TestTenant tenant = TestTenant.create(DATABASE);
        UUID runId = storeRun(tenant);

        RunStatus status = status("/api/v2/runs/" + runId + "/status", userKey(tenant, tenant.viewerId));

        assertThat(status.status()).isEqualTo(RunStatus.STORED);
        assertThat(status.outcome()).isEqualTo("FAIL");
        assertThat(status.storedAt()).isNotNull();
    }

    @Test
    void storedTimesAreReadInTheCalendarTheyWereWrittenIn() {
        TestTenant tenant = TestTenant.create(DATABASE);
        UUID runId = storeRun(tenant);
        // Before 1583, java.sql.Timestamp's Julian calendar would move the date by days.
        tenant.execute("UPDATE runs SET started_at = '1500-03-01 12:00:00+00' WHERE id = ?", runId);

        RunStatus status = status("/api/v2/runs/" + runId + "/status", userKey(tenant, tenant.viewerId));

        assertThat(status.startedAt()).isEqualTo(Instant.parse("1500-03-01T12:00:00Z"));
    }

    @Test
    void deadLetteredRunGivesTheCodeAndMessageAndIsUnknownToAnotherOrganization() {
        TestTenant tenant = TestTenant.create(DATABASE);
        TestTenant other = TestTenant.create(DATABASE);
        UUID runId = UUID.randomUUID();
        tenant.execute("""
                INSERT INTO dead_letters (id, topic, partition, "offset", original_topic, run_id, organization_id, error_code,
                                          error_message, stage, attempts, dead_lettered_at)
                VALUES (?, 'runline.runs-dlt', 0, ?, 'runline.runs', ?, ?, 'NOT_FOUND', 'Sub-unit BRD-9 does not exist',
                        'resolve', 1, now())
                """, UUID.randomUUID(), System.nanoTime(), runId, tenant.organizationId);

        RunStatus status = status("/api/v2/runs/" + runId + "/status", userKey(tenant, tenant.adminId));
        ErrorBody elsewhere = get("/api/v2/runs/" + runId + "/status", userKey(other, other.adminId)).expectStatus().isNotFound()
                .expectBody(ErrorBody.class).returnResult().getResponseBody();

        assertThat(status.status()).isEqualTo(RunStatus.DEAD_LETTERED);
        assertThat(status.error()).isEqualTo(new RunStatus.Error("NOT_FOUND", "Sub-unit BRD-9 does not exist"));
        assertThat(status.stage()).isEqualTo("resolve");
        assertThat(elsewhere.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void malformedIdIsABadRequestAndAMissingKeyUnauthorized() {
        TestTenant tenant = TestTenant.create(DATABASE);

        ErrorBody malformed = get("/api/v2/runs/not-a-uuid/status", userKey(tenant, tenant.adminId)).expectStatus().isBadRequest()
                .expectBody(ErrorBody.class).returnResult().getResponseBody();
        ErrorBody anonymous = get("/api/v2/runs/" + UUID.randomUUID() + "/status", null).expectStatus().isUnauthorized()
                .expectBody(ErrorBody.class).returnResult().getResponseBody();

        assertThat(malformed.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("id"));
        assertThat(anonymous.code()).isEqualTo("UNAUTHORIZED");
    }

    /** A run as the processor stores it, with the unit, part and revision it needs. */
    private static UUID storeRun(TestTenant tenant) {
        UUID part = UUID.randomUUID();
        UUID revision = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        UUID keyId = tenant.addKey(tenant.adminId, null, UUID.randomUUID().toString().getBytes(), null, null);
        Timestamp now = Timestamp.from(Instant.now());
        tenant.execute("INSERT INTO parts (id, organization_id, number) VALUES (?, ?, 'PCB-1')", part, tenant.organizationId);
        tenant.execute("INSERT INTO revisions (id, part_id, number) VALUES (?, ?, 'A')", revision, part);
        tenant.execute("INSERT INTO units (id, organization_id, serial_number, revision_id) VALUES (?, ?, 'SN-ST-1', ?)",
                unit, tenant.organizationId, revision);
        tenant.execute("""
                INSERT INTO runs (id, organization_id, procedure_id, unit_id, outcome, started_at, ended_at, api_key_id,
                                  api_version, received_at)
                VALUES (?, ?, ?, ?, 'FAIL', ?, ?, ?, 'V2', ?)
                """, run, tenant.organizationId, tenant.procedureId, unit, now, now, keyId, now);
        return run;
    }
}
