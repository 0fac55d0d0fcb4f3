package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.auth.ApiKeySecrets;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.event.SubmitterKind;
import dev.runline.schemas.testing.TestTenant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Run creation against a real broker and a real PostgreSQL: what is accepted, and every way to be refused. */
class RunCreationTest extends GatewayIntegrationTest {

    @Test
    void acceptedRunIsPublishedKeyedByOrganizationAndFoldedSerial() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String key = userKey(tenant, tenant.adminId);

        RunController.CreatedRun created = post("/api/v2/runs", key,
                RunBody.v2(tenant.procedureId).with("serial_number", "SN-MiXeD-1").toJson())
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(RunController.CreatedRun.class).returnResult().getResponseBody();

        ConsumerRecord<String, RunAccepted> record = published(created.id());
        assertThat(record.key()).isEqualTo(RunPartitionKey.of(tenant.organizationId, "sn-mixed-1"));
        RunAccepted event = record.value();
        assertThat(event.getOrganizationId()).isEqualTo(tenant.organizationId);
        assertThat(event.getSubmittedBy().getKind()).isEqualTo(SubmitterKind.USER);
        assertThat(event.getSubmittedBy().getUserId()).isEqualTo(tenant.adminId);
        assertThat(event.getRun().getSerialNumber()).isEqualTo("SN-MiXeD-1");
        assertThat(event.getRun().getPhases()).hasSize(1);
    }

    @Test
    void unprefixedRouteAndMissingContentTypeAreAccepted() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String key = userKey(tenant, tenant.adminId);

        http.post().uri("/v2/runs").headers(headers -> headers.setBearerAuth(key))
                .bodyValue(RunBody.v2(tenant.procedureId).toJson().getBytes())
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void idempotencyKeyTravelsWithTheEvent() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String key = userKey(tenant, tenant.adminId);

        UUID id = http.post().uri("/api/v2/runs").headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("Idempotency-Key", "station-7-run-42");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(RunBody.v2(tenant.procedureId).toJson())
                .exchange().expectStatus().isOk()
                .expectBody(RunController.CreatedRun.class).returnResult().getResponseBody().id();

        assertThat(published(id).value().getIdempotencyKey()).isEqualTo("station-7-run-42");
    }

    @Test
    void missingUnknownExpiredAndRevokedKeysAreUnauthorized() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String body = RunBody.v2(tenant.procedureId).toJson();
        ApiKeySecrets.NewApiKey expired = ApiKeySecrets.generate();
        tenant.addKey(tenant.adminId, null, expired.sha256(), Instant.now().minusSeconds(60), null);
        ApiKeySecrets.NewApiKey revoked = ApiKeySecrets.generate();
        tenant.addKey(tenant.adminId, null, revoked.sha256(), null, Instant.now().minusSeconds(60));

        for (String key : new String[] {null, "rl_unknown", expired.secret(), revoked.secret()}) {
            assertThat(refused(post("/api/v2/runs", key, body), 401).code()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void viewerMayNotCreateRuns() {
        TestTenant tenant = TestTenant.create(DATABASE);

        ErrorBody error = refused(post("/api/v2/runs", userKey(tenant, tenant.viewerId),
                RunBody.v2(tenant.procedureId).toJson()), 403);

        assertThat(error.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void stationKeyMayCreateRunsOnlyForLinkedProcedures() {
        TestTenant tenant = TestTenant.create(DATABASE);
        ApiKeySecrets.NewApiKey station = ApiKeySecrets.generate();
        tenant.addKey(null, tenant.stationId, station.sha256(), null, null);

        post("/api/v2/runs", station.secret(), RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk();
        ErrorBody error = refused(post("/api/v2/runs", station.secret(),
                RunBody.v2(tenant.unlinkedProcedureId).toJson()), 403);

        assertThat(error.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void procedureOfAnotherOrganizationIsNotFound() {
        TestTenant tenant = TestTenant.create(DATABASE);
        TestTenant other = TestTenant.create(DATABASE);

        ErrorBody error = refused(post("/api/v2/runs", userKey(tenant, tenant.adminId),
                RunBody.v2(other.procedureId).toJson()), 404);

        assertThat(error.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void invalidRunListsEveryIssueWithItsPath() {
        TestTenant tenant = TestTenant.create(DATABASE);

        ErrorBody error = refused(post("/api/v2/runs", userKey(tenant, tenant.adminId),
                RunBody.v2(tenant.procedureId).with("outcome", "MAYBE")
                        .with(List.of("phases", 0, "measurements", 0, "outcome"), "NOPE").toJson()), 400);

        assertThat(error.code()).isEqualTo("BAD_REQUEST");
        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactlyInAnyOrder(
                List.of("outcome"), List.of("phases", 0, "measurements", 0, "outcome"));
        assertThat(error.error()).as("the legacy error object is for v1 routes only").isNull();
    }

    @Test
    void malformedJsonIsABadRequest() {
        TestTenant tenant = TestTenant.create(DATABASE);

        ErrorBody error = refused(post("/api/v2/runs", userKey(tenant, tenant.adminId), "{\"outcome\": PASS"), 400);

        assertThat(error.code()).isEqualTo("BAD_REQUEST");
        assertThat(error.message()).startsWith("Malformed JSON");
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String body = RunBody.v2(tenant.procedureId).with("docstring", "d".repeat(300 * 1024)).toJson();

        assertThat(refused(post("/api/v2/runs", userKey(tenant, tenant.adminId), body), 413).code())
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void partNumberIsRequiredWhenTheOrganizationHasNoPattern() {
        TestTenant tenant = TestTenant.create(DATABASE);

        ErrorBody error = refused(post("/api/v2/runs", userKey(tenant, tenant.adminId),
                RunBody.v2(tenant.procedureId).without("part_number").toJson()), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("part_number"));
    }

    @Test
    void partNumberIsExtractedFromTheSerialByTheOrganizationsPattern() {
        TestTenant tenant = TestTenant.create(DATABASE);
        tenant.setSerialPartRegex("^([A-Z]+-\\d+)-\\d+$");
        String key = userKey(tenant, tenant.adminId);

        UUID id = post("/api/v2/runs", key, RunBody.v2(tenant.procedureId).without("part_number")
                .with("serial_number", "PCB-200-000042").toJson())
                .expectStatus().isOk().expectBody(RunController.CreatedRun.class).returnResult().getResponseBody().id();
        ErrorBody unmatched = refused(post("/api/v2/runs", key, RunBody.v2(tenant.procedureId)
                .without("part_number").with("serial_number", "odd-serial").toJson()), 422);

        assertThat(published(id).value().getRun().getPartNumber()).isEqualTo("PCB-200");
        assertThat(unmatched.code()).isEqualTo("UNPROCESSABLE_CONTENT");
    }

    @Test
    void readinessReportsTheBroker() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
