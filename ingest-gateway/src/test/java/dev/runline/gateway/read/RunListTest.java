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
 * {@code GET /api/v2/runs} (v2 {@code runs.list}) against a real PostgreSQL: every answer checked against the
 * client's {@code RunListResponse}; each filter on its own tenant's runs, so that other tests' runs never count.
 */
class RunListTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private JsonNode page(String query, String key) {
        String body = http.get().uri("/api/v2/runs" + query).headers(headers -> headers.setBearerAuth(key)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode page = JSON.readTree(body);
        assertThat(RunListResponseModel.RESPONSE.problems(page)).as(body).isEmpty();
        return page;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(run -> ids.add(run.get("id").stringValue()));
        return ids;
    }

    private static String id(SeededRun run) {
        return run.store().runId().toString();
    }

    @Test
    void byDefaultTheNewestRunsComeFirstInOnePage() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String older = id(SeededRun.in(org.tenant).times(T0, T0.plusSeconds(10)));
        String newer = id(SeededRun.in(org.tenant).times(T0.plusSeconds(60), T0.plusSeconds(70)));

        JsonNode page = page("", org.viewerKey);

        assertThat(ids(page)).containsExactly(newer, older);
        assertThat(page.get("meta").get("has_more").booleanValue()).isFalse();
        assertThat(page.get("meta").get("next_cursor").isNull()).isTrue();
    }

    @Test
    void pagesFollowTheCursorUntilTheLastAndNeverRepeatARun() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.addFirst(id(SeededRun.in(org.tenant).times(T0.plusSeconds(i * 60L), T0.plusSeconds(i * 60L + 5))));
        }

        List<String> seen = new ArrayList<>();
        JsonNode page = page("?limit=2", org.adminKey);
        int pages = 1;
        seen.addAll(ids(page));
        while (page.get("meta").get("has_more").booleanValue()) {
            assertThat(ids(page)).hasSize(2);
            page = page("?limit=2&cursor=" + page.get("meta").get("next_cursor").intValue(), org.adminKey);
            seen.addAll(ids(page));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(page.get("meta").get("next_cursor").isNull()).isTrue();
    }

    @Test
    void filtersByIdsOutcomesAndProcedures() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String failed = id(SeededRun.in(org.tenant).outcome("FAIL"));
        String passed = id(SeededRun.in(org.tenant));
        String burnIn = id(SeededRun.in(org.tenant).procedure(org.tenant.unlinkedProcedureId).outcome("ERROR"));

        assertThat(ids(page("?ids=" + failed + "&ids=" + burnIn, org.adminKey))).containsExactlyInAnyOrder(failed, burnIn);
        assertThat(ids(page("?outcomes=FAIL&outcomes=ERROR", org.adminKey))).containsExactlyInAnyOrder(failed, burnIn);
        assertThat(ids(page("?procedure_ids=" + org.tenant.unlinkedProcedureId, org.adminKey))).containsExactly(burnIn);
        assertThat(ids(page("?procedure_ids=" + org.tenant.procedureId, org.adminKey)))
                .containsExactlyInAnyOrder(failed, passed);
    }

    @Test
    void filtersByNamesCaseInsensitively() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String match = id(SeededRun.in(org.tenant).serial("SN-Alpha-1").part("PCB-Main", "Main").revision("Rev-B")
                .batch("Lot-7").procedureVersion("V1.2"));
        id(SeededRun.in(org.tenant).serial("SN-Beta-1").part("PCB-Aux", "Aux").revision("A").batch("Lot-8")
                .procedureVersion("V1.3"));

        for (String query : List.of("serial_numbers=sn-alpha-1", "part_numbers=pcb-main", "revision_numbers=REV-B",
                "batch_numbers=LOT-7", "procedure_versions=v1.2")) {
            assertThat(ids(page("?" + query, org.adminKey))).as(query).containsExactly(match);
        }
    }

    @Test
    void filtersByTimesAndDurations() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String early = id(SeededRun.in(org.tenant).times(T0, T0.plusSeconds(30)));
        String late = id(SeededRun.in(org.tenant).times(T0.plusSeconds(3600), T0.plusSeconds(3900)));

        assertThat(ids(page("?started_after=2026-03-02T10:30:00Z", org.adminKey))).containsExactly(late);
        assertThat(ids(page("?started_before=2026-03-02T10:30:00Z", org.adminKey))).containsExactly(early);
        assertThat(ids(page("?ended_after=2026-03-02T11:00:00Z", org.adminKey))).containsExactly(late);
        assertThat(ids(page("?ended_before=2026-03-02T10:00:30Z", org.adminKey))).containsExactly(early);
        assertThat(ids(page("?created_after=2026-03-02T10:30:00Z", org.adminKey))).containsExactly(late);
        assertThat(ids(page("?created_before=2026-03-02T10:30:00Z", org.adminKey))).containsExactly(early);
        assertThat(ids(page("?duration_min=PT1M", org.adminKey))).containsExactly(late);
        assertThat(ids(page("?duration_max=PT30S", org.adminKey))).containsExactly(early);
    }

    @Test
    void filtersByWhoCreatedAndOperated() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String byStation = id(SeededRun.in(org.tenant).submittedByStation(org.tenant.stationId).operator(org.memberId));
        String byAdmin = id(SeededRun.in(org.tenant));

        assertThat(ids(page("?created_by_station_ids=" + org.tenant.stationId, org.adminKey))).containsExactly(byStation);
        assertThat(ids(page("?created_by_user_ids=" + org.tenant.adminId, org.adminKey))).containsExactly(byAdmin);
        assertThat(ids(page("?operated_by_ids=" + org.memberId, org.adminKey))).containsExactly(byStation);
    }

    @Test
    void searchQueryMatchesTheSerialAsTyped() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String match = id(SeededRun.in(org.tenant).serial("SN_" + suffix));
        id(SeededRun.in(org.tenant).serial("SNX" + suffix));

        assertThat(ids(page("?search_query=n_" + suffix, org.adminKey))).containsExactly(match);
    }

    @Test
    void sortsByEveryKeyOfTheModelInBothDirections() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String a = id(SeededRun.in(org.tenant).serial("SN-A").part("P-A", "A").revision("A").outcome("ABORTED")
                .times(T0.plusSeconds(100), T0.plusSeconds(101)));
        String b = id(SeededRun.in(org.tenant).serial("SN-B").part("P-B", "B").revision("B").outcome("FAIL")
                .times(T0, T0.plusSeconds(50)));

        assertThat(ids(page("?sort_by=started_at&sort_order=asc", org.adminKey))).containsExactly(b, a);
        assertThat(ids(page("?sort_by=created_at", org.adminKey))).containsExactly(a, b);
        assertThat(ids(page("?sort_by=duration&sort_order=desc", org.adminKey))).containsExactly(b, a);
        assertThat(ids(page("?sort_by=outcome&sort_order=asc", org.adminKey))).containsExactly(a, b);
        for (String key : List.of("serial_number", "part_number", "revision_number")) {
            assertThat(ids(page("?sort_by=" + key + "&sort_order=asc", org.adminKey))).as(key).containsExactly(a, b);
            assertThat(ids(page("?sort_by=" + key + "&sort_order=desc", org.adminKey))).as(key).containsExactly(b, a);
        }
    }

    @Test
    void anotherOrganizationsRunsNeverAppear() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        KeyedTenant other = KeyedTenant.create(DATABASE);
        String mine = id(SeededRun.in(org.tenant));
        String theirs = id(SeededRun.in(other.tenant));

        assertThat(ids(page("?ids=" + mine + "&ids=" + theirs, org.stationKey))).containsExactly(mine);
    }

    @Test
    void badParametersAreListedInOneBadRequest() {
        KeyedTenant org = KeyedTenant.create(DATABASE);

        ErrorBody answer = refused(http.get().uri("/api/v2/runs?ids=nope&outcomes=MAYBE&limit=0&sort_by=color"
                + "&started_after=yesterday").headers(headers -> headers.setBearerAuth(org.adminKey)).exchange(), 400);

        assertThat(answer.issues()).extracting(ErrorBody.IssueBody::path).containsExactlyInAnyOrder(
                List.of("ids", 0), List.of("outcomes", 0), List.of("limit"), List.of("sort_by"), List.of("started_after"));
    }
}
