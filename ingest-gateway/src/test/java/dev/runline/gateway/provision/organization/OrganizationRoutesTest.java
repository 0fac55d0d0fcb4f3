package dev.runline.gateway.provision.organization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.http.RunController;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.provision.ProvisioningIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET} and {@code PATCH /api/v2/organization} against a real PostgreSQL. The reference cache lives
 * ten minutes here, so a run extracted right after the change proves this instance forgot the old pattern.
 */
@TestPropertySource(properties = "runline.gateway.reference-cache-ttl=10m")
class OrganizationRoutesTest extends ProvisioningIntegrationTest {

    private final KeyedTenant tenant = KeyedTenant.create(DATABASE);

    @Test
    void organizationIsReadWithItsPattern() {
        JsonNode organization = ok(get("/api/v2/organization", tenant.viewerKey));

        assertThat(organization.get("id").stringValue()).isEqualTo(tenant.tenant.organizationId.toString());
        assertThat(organization.get("serial_part_regex").isNull()).isTrue();
    }

    @Test
    void newPatternIsUsedForRunsOnThisInstanceAtOnceAndNullRemovesIt() {
        String run = RunBody.v2(tenant.tenant.procedureId).without("part_number").with("serial_number", "PCB-7-0001").toJson();
        refused(post("/api/v2/runs", tenant.adminKey, run), 400);

        JsonNode changed = ok(call(HttpMethod.PATCH, "/api/v2/organization", tenant.adminKey,
                "{\"serial_part_regex\": \"^(PCB-\\\\d+)-\\\\d+$\"}"));
        UUID id = post("/api/v2/runs", tenant.adminKey, run).expectStatus().isOk()
                .expectBody(RunController.CreatedRun.class).returnResult().getResponseBody().id();
        JsonNode removed = ok(call(HttpMethod.PATCH, "/v2/organization", tenant.adminKey, "{\"serial_part_regex\": null}"));

        assertThat(changed.get("serial_part_regex").stringValue()).isEqualTo("^(PCB-\\d+)-\\d+$");
        assertThat(published(id).value().getRun().getPartNumber()).isEqualTo("PCB-7");
        assertThat(removed.get("serial_part_regex").isNull()).isTrue();
        refused(post("/api/v2/runs", tenant.adminKey, run), 400);
    }

    @Test
    void patternThatDoesNotCompileIsABadRequestAndChangesNothing() {
        ok(call(HttpMethod.PATCH, "/api/v2/organization", tenant.adminKey, "{\"serial_part_regex\": \"^SN\"}"));

        ErrorBody error = refused(call(HttpMethod.PATCH, "/api/v2/organization", tenant.adminKey,
                "{\"serial_part_regex\": \"([A-Z]+\"}"), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("serial_part_regex"));
        assertThat(error.message()).contains("regular expression");
        assertThat(ok(get("/api/v2/organization", tenant.adminKey)).get("serial_part_regex").stringValue()).isEqualTo("^SN");
    }

    @Test
    void emptyPatternIsABadRequestAndAnAbsentOneChangesNothing() {
        ok(call(HttpMethod.PATCH, "/api/v2/organization", tenant.adminKey, "{\"serial_part_regex\": \"^X\"}"));

        refused(call(HttpMethod.PATCH, "/api/v2/organization", tenant.adminKey, "{\"serial_part_regex\": \"\"}"), 400);
        JsonNode unchanged = ok(call(HttpMethod.PATCH, "/api/v2/organization", tenant.adminKey, "{}"));

        assertThat(unchanged.get("serial_part_regex").stringValue()).isEqualTo("^X");
    }
}
