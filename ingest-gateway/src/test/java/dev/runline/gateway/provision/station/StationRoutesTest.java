package dev.runline.gateway.provision.station;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.ClientModels;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.provision.ProvisioningIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private List<String> listedIds(String query, String key) {
        return ok(get("/api/v2/stations" + query, key)).get("data").valueStream().map(item -> item.get("id").stringValue()).toList();
    }

    @Test
    void listAnswersTheClientsStationListResponse() {
        JsonNode page = ok(get("/api/v2/stations", tenant.viewerKey));

        assertThat(ClientModels.violations(page, ClientModels.STATION_LIST_RESPONSE)).isEmpty();
        JsonNode station = listed(tenant.viewerKey, tenant.tenant.stationId);
        assertThat(station.get("procedures_count").intValue()).isEqualTo(1);
        assertThat(station.get("team").isNull()).isTrue();
        JsonNode procedure = station.get("procedures").get(0);
        assertThat(procedure.get("id").stringValue()).isEqualTo(tenant.tenant.procedureId.toString());
        assertThat(procedure.get("identifier").stringValue()).isEqualTo("FVT1");
        assertThat(procedure.get("name").stringValue()).isEqualTo("Functional test");
    }

    @Test
    void paginationWalksEveryStationOnceOverSeveralPages() {
        KeyedTenant fresh = KeyedTenant.create(DATABASE);
        Set<String> all = new HashSet<>(List.of(fresh.tenant.stationId.toString()));
        for (int i = 0; i < 4; i++) {
            all.add(fresh.newStation().toString());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Integer cursor = null;
        do {
            JsonNode page = ok(get("/v2/stations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), fresh.adminKey));
            assertThat(ClientModels.violations(page, ClientModels.STATION_LIST_RESPONSE)).isEmpty();
            seen.addAll(page.get("data").valueStream().map(item -> item.get("id").stringValue()).toList());
            sizes.add(page.get("data").size());
            cursor = page.get("meta").get("has_more").booleanValue() ? page.get("meta").get("next_cursor").intValue() : null;
        } while (cursor != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void procedureIdsKeepStationsLinkedToAnyOfThem() {
        UUID procedure = tenant.newProcedure();
        UUID linked = tenant.newStation();
        UUID unlinked = tenant.newStation();
        ok(call(HttpMethod.PUT, link(linked, procedure), tenant.adminKey, null));
        KeyedTenant other = KeyedTenant.create(DATABASE);

        List<String> both = listedIds("?procedure_ids=" + procedure + "&procedure_ids=" + tenant.tenant.procedureId,
                tenant.viewerKey);
        List<String> theirs = listedIds("?procedure_ids=" + other.tenant.procedureId, tenant.viewerKey);

        assertThat(both).containsExactlyInAnyOrder(linked.toString(), tenant.tenant.stationId.toString())
                .doesNotContain(unlinked.toString());
        assertThat(theirs).isEmpty();
    }

    @Test
    void searchQueryMatchesTheNameWhateverItsCase() {
        UUID id = createdId(post("/api/v2/stations", tenant.adminKey, "{\"name\": \"Assembly bench 4\"}"));

        assertThat(listedIds("?search_query=ASSEMBLY bench", tenant.viewerKey)).containsExactly(id.toString());
    }

    @Test
    void malformedProcedureIdsAndCursorAreBadRequests() {
        ErrorBody error = refused(get("/api/v2/stations?procedure_ids=nope&cursor=x", tenant.viewerKey), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path)
                .containsExactlyInAnyOrder(List.of("cursor"), List.of("procedure_ids"));
    }

    @Test
    void listShowsOnlyTheCallersOrganization() {
        KeyedTenant other = KeyedTenant.create(DATABASE);

        assertThat(listedIds("", other.viewerKey)).containsExactly(other.tenant.stationId.toString());
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
