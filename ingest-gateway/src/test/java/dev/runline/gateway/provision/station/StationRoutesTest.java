package dev.runline.gateway.provision.station;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
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
 * The station routes against a real PostgreSQL. The reference cache lives ten minutes here, so a station
 * key refused and then accepted right after a link proves this instance forgot the cached "not linked".
 */
@TestPropertySource(properties = "runline.gateway.reference-cache-ttl=10m")
class StationRoutesTest extends ProvisioningIntegrationTest {

    private final KeyedTenant tenant = KeyedTenant.create(DATABASE);

    private String link(UUID station, UUID procedure) {
        return "/api/v2/stations/" + station + "/procedures/" + procedure;
    }

    private JsonNode listed(String key, UUID id) {
        for (JsonNode station : ok(get("/api/v2/stations", key)).get("data")) {
            if (station.get("id").stringValue().equals(id.toString())) {
                return station;
            }
        }
        throw new AssertionError("station " + id + " is not listed");
    }

    @Test
    void stationCreatedWithAProcedureIsListedLinkedToIt() {
        UUID id = createdId(post("/api/v2/stations", tenant.memberKey, """
                {"name": "ICT-3", "procedure_id": "%s"}""".formatted(tenant.tenant.unlinkedProcedureId)));

        JsonNode station = listed(tenant.viewerKey, id);

        assertThat(station.get("name").stringValue()).isEqualTo("ICT-3");
        assertThat(station.get("procedure_ids").valueStream().map(JsonNode::stringValue))
                .containsExactly(tenant.tenant.unlinkedProcedureId.toString());
    }

    @Test
    void stationCreatedWithoutAProcedureHasNoLinks() {
        UUID id = createdId(post("/v2/stations", tenant.adminKey, "{\"name\": \"Rework bench\"}"));

        assertThat(listed(tenant.adminKey, id).get("procedure_ids").isEmpty()).isTrue();
    }

    @Test
    void stationNameIsUniqueInTheOrganizationWhateverItsCase() {
        ErrorBody error = refused(post("/api/v2/stations", tenant.adminKey, "{\"name\": \"eol-1\"}"), 409);

        assertThat(error.code()).isEqualTo("CONFLICT");
        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("name"));
    }

    @Test
    void procedureUnknownOrOfAnotherOrganizationIsNotFoundAndNoStationIsCreated() {
        KeyedTenant other = KeyedTenant.create(DATABASE);

        for (UUID procedure : List.of(UUID.randomUUID(), other.tenant.procedureId)) {
            ErrorBody error = refused(post("/api/v2/stations", tenant.adminKey, """
                    {"name": "Ghost station", "procedure_id": "%s"}""".formatted(procedure)), 404);
            assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("procedure_id"));
        }
        assertThat(ok(get("/api/v2/stations", tenant.adminKey)).get("data").findValuesAsString("name"))
                .doesNotContain("Ghost station");
    }

    @Test
    void invalidStationListsEveryIssueWithItsPath() {
        ErrorBody error = refused(post("/api/v2/stations", tenant.adminKey, """
                {"name": 7, "procedure_id": "not-a-uuid"}"""), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path)
                .containsExactlyInAnyOrder(List.of("name"), List.of("procedure_id"));
    }

    @Test
    void currentStationShowsItsLinkedProceduresAndRecentRuns() {
        tenant.storedRun();

        JsonNode current = ok(get("/api/v2/stations/current", tenant.stationKey));

        assertThat(current.get("id").stringValue()).isEqualTo(tenant.tenant.stationId.toString());
        assertThat(current.get("name").stringValue()).isEqualTo("EOL-1");
        assertThat(current.get("api_key").stringValue()).startsWith("rl_");
        assertThat(current.get("organization_slug").stringValue()).startsWith("org-");
        JsonNode procedure = current.get("procedures").get(0);
        assertThat(current.get("procedures")).hasSize(1);
        assertThat(procedure.get("id").stringValue()).isEqualTo(tenant.tenant.procedureId.toString());
        assertThat(procedure.get("identifier").stringValue()).isEqualTo("FVT1");
        assertThat(procedure.get("runs_count").asLong()).isEqualTo(1);
    }

    @Test
    void currentStationIsForbiddenToAUserKey() {
        ErrorBody error = refused(get("/v2/stations/current", tenant.adminKey), 403);

        assertThat(error.code()).isEqualTo("FORBIDDEN");
        assertThat(error.message()).contains("station key");
    }

    @Test
    void linkLetsTheStationCreateRunsAtOnceAndUnlinkStopsItAtOnce() {
        UUID procedure = tenant.newProcedure();
        String run = RunBody.v2(procedure).toJson();
        refused(post("/api/v2/runs", tenant.stationKey, run), 403);

        JsonNode linked = ok(call(HttpMethod.PUT, link(tenant.tenant.stationId, procedure), tenant.memberKey, null));
        post("/api/v2/runs", tenant.stationKey, run).expectStatus().isOk();
        JsonNode unlinked = ok(call(HttpMethod.DELETE, link(tenant.tenant.stationId, procedure), tenant.memberKey, null));
        refused(post("/api/v2/runs", tenant.stationKey, run), 403);

        assertThat(linked.get("procedure_ids").valueStream().map(JsonNode::stringValue)).contains(procedure.toString());
        assertThat(unlinked.get("procedure_ids").valueStream().map(JsonNode::stringValue)).doesNotContain(procedure.toString());
    }

    @Test
    void linkAndUnlinkAreIdempotent() {
        UUID station = tenant.newStation();
        UUID procedure = tenant.newProcedure();

        ok(call(HttpMethod.PUT, link(station, procedure), tenant.adminKey, null));
        JsonNode twice = ok(call(HttpMethod.PUT, "/v2/stations/" + station + "/procedures/" + procedure, tenant.adminKey, null));
        ok(call(HttpMethod.DELETE, link(station, procedure), tenant.adminKey, null));
        JsonNode unlinkedTwice = ok(call(HttpMethod.DELETE, link(station, procedure), tenant.adminKey, null));

        assertThat(twice.get("procedure_ids")).hasSize(1);
        assertThat(unlinkedTwice.get("procedure_ids")).isEmpty();
    }

    @Test
    void linkToAStationOrProcedureNotInTheOrganizationIsNotFound() {
        KeyedTenant other = KeyedTenant.create(DATABASE);

        ErrorBody station = refused(call(HttpMethod.PUT, link(other.tenant.stationId, tenant.tenant.procedureId),
                tenant.adminKey, null), 404);
        ErrorBody procedure = refused(call(HttpMethod.PUT, link(tenant.tenant.stationId, other.tenant.procedureId),
                tenant.adminKey, null), 404);

        assertThat(station.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("id"));
        assertThat(procedure.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("procedure_id"));
    }

    @Test
    void malformedIdsInThePathAreBadRequests() {
        ErrorBody error = refused(call(HttpMethod.DELETE, "/api/v2/stations/nope/procedures/" + UUID.randomUUID(),
                tenant.adminKey, null), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("id"));
    }
}
