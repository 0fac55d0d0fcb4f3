package dev.runline.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.SeededRun;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v2/units/{serial_number}} and {@code GET /api/v2/units} (v2 {@code units.get}, {@code units.list})
 * against a real PostgreSQL: every answer checked against the client's {@code UnitGetResponse} or
 * {@code UnitListResponse}, then field by field; each list test on its own tenant, so other tests' units never count.
 * It lives beside the run read tests for their {@link ClientShape}; the routes are {@code gateway.unit}'s.
 */
class UnitReadTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private JsonNode unit(String serial, String key) {
        String body = http.get().uri("/api/v2/units/{serial}", serial).headers(headers -> headers.setBearerAuth(key))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode unit = JSON.readTree(body);
        assertThat(UnitGetResponseModel.RESPONSE.problems(unit)).as(body).isEmpty();
        return unit;
    }

    private JsonNode page(String query, String key) {
        String body = http.get().uri("/api/v2/units" + query).headers(headers -> headers.setBearerAuth(key)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode page = JSON.readTree(body);
        assertThat(UnitListResponseModel.RESPONSE.problems(page)).as(body).isEmpty();
        return page;
    }

    private static List<String> serials(JsonNode page) {
        List<String> serials = new ArrayList<>();
        page.get("data").forEach(unit -> serials.add(unit.get("serial_number").stringValue()));
        return serials;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void createdAt(KeyedTenant org, String serial, Instant at) {
        org.tenant.execute("UPDATE units SET created_at = ? WHERE organization_id = ? AND serial_number = ?",
                Timestamp.from(at), org.tenant.organizationId, serial);
    }

    // units.get

    @Test
    void aUnitAnswersItsPartBatchChildrenAndTheRunThatCreatedIt() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String serial = unique("Sn-Top");
        String sub1 = unique("Sn-Sub-1");
        String sub2 = unique("Sn-Sub-2");
        SeededRun.Stored first = SeededRun.in(org.tenant).serial(serial).part("PCB-Main", "Main board").revision("Rev-B")
                .batch("Lot-7").submittedByStation(org.tenant.stationId).outcome("FAIL")
                .times(T0, T0.plusSeconds(150)).subUnit(sub2).subUnit(sub1).store();
        SeededRun.in(org.tenant).serial(serial).part("PCB-Main", "Main board").revision("Rev-B")
                .times(T0.plusSeconds(3600), T0.plusSeconds(3700)).store();

        JsonNode unit = unit(serial, org.viewerKey);

        assertThat(unit.get("id").stringValue()).isEqualTo(first.unitId().toString());
        assertThat(unit.get("serial_number").stringValue()).isEqualTo(serial);
        assertThat(unit.get("part").get("id").stringValue()).isEqualTo(first.partId().toString());
        assertThat(unit.get("part").get("number").stringValue()).isEqualTo("PCB-Main");
        assertThat(unit.get("part").get("name").stringValue()).isEqualTo("Main board");
        assertThat(unit.get("part").get("revision").get("id").stringValue()).isEqualTo(first.revisionId().toString());
        assertThat(unit.get("part").get("revision").get("number").stringValue()).isEqualTo("Rev-B");
        assertThat(unit.get("batch").get("id").stringValue()).isEqualTo(first.batchId().toString());
        assertThat(unit.get("batch").get("number").stringValue()).isEqualTo("Lot-7");
        assertThat(unit.get("parent").isNull()).isTrue();
        assertThat(unit.get("children")).extracting(child -> child.get("serial_number").stringValue())
                .containsExactly(sub1, sub2);
        JsonNode child = unit.get("children").get(0);
        assertThat(child.get("part").get("number").stringValue()).isEqualTo("PCB-Main");
        assertThat(child.get("part").get("revision").get("number").stringValue()).isEqualTo("Rev-B");
        JsonNode createdDuring = unit.get("created_during");
        assertThat(createdDuring.get("id").stringValue()).isEqualTo(first.runId().toString());
        assertThat(createdDuring.get("outcome").stringValue()).isEqualTo("FAIL");
        assertThat(createdDuring.get("started_at").stringValue()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(createdDuring.get("ended_at").stringValue()).isEqualTo("2026-03-02T10:02:30Z");
        assertThat(createdDuring.get("created_at").stringValue()).isEqualTo("2026-03-02T10:02:31Z");
        assertThat(createdDuring.get("duration").stringValue()).isEqualTo("PT2M30S");
        assertThat(createdDuring.get("procedure").get("id").stringValue()).isEqualTo(org.tenant.procedureId.toString());
        assertThat(createdDuring.get("procedure").get("name").stringValue()).isEqualTo("Functional test");
        assertThat(unit.get("created_by_station").get("id").stringValue()).isEqualTo(org.tenant.stationId.toString());
        assertThat(unit.get("created_by_station").get("name").stringValue()).isEqualTo("EOL-1");
        assertThat(unit.get("created_by_user").isNull()).isTrue();
        assertThat(unit.get("attachments").isArray()).isTrue();
        assertThat(Instant.parse(unit.get("created_at").stringValue())).isNotNull();
    }

    @Test
    void aSubUnitAnswersItsParentAndWasCreatedDuringItsParentsRun() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String top = unique("Sn-Top");
        String sub = unique("Sn-Sub");
        SeededRun.Stored run = SeededRun.in(org.tenant).serial(top).part("PCB-Main", "Main board").revision("C")
                .subUnit(sub).store();

        JsonNode unit = unit(sub, org.stationKey);

        JsonNode parent = unit.get("parent");
        assertThat(parent.get("id").stringValue()).isEqualTo(run.unitId().toString());
        assertThat(parent.get("serial_number").stringValue()).isEqualTo(top);
        assertThat(parent.get("part").get("id").stringValue()).isEqualTo(run.partId().toString());
        assertThat(parent.get("part").get("number").stringValue()).isEqualTo("PCB-Main");
        assertThat(parent.get("part").get("name").stringValue()).isEqualTo("Main board");
        assertThat(parent.get("part").get("revision").get("number").stringValue()).isEqualTo("C");
        assertThat(unit.get("children")).isEmpty();
        assertThat(unit.get("batch").isNull()).isTrue();
        assertThat(unit.get("created_during").get("id").stringValue()).isEqualTo(run.runId().toString());
        assertThat(unit.get("created_by_user").get("id").stringValue()).isEqualTo(org.tenant.adminId.toString());
        assertThat(unit.get("created_by_user").get("name").isNull()).isTrue();
        assertThat(unit.get("created_by_station").isNull()).isTrue();
    }

    @Test
    void aUnitNoRunNamesAnswersItsNullableFieldsAsNull() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        SeededRun.Stored run = SeededRun.in(org.tenant).store();
        String serial = unique("Sn-Bare");
        org.tenant.execute("INSERT INTO units (id, organization_id, serial_number, revision_id) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), org.tenant.organizationId, serial, run.revisionId());

        JsonNode unit = unit(serial, org.adminKey);

        for (String field : List.of("parent", "batch", "created_during", "created_by_user", "created_by_station")) {
            assertThat(unit.get(field).isNull()).as(field).isTrue();
        }
        assertThat(unit.get("children")).isEmpty();
        assertThat(unit.get("part").get("revision").get("id").stringValue()).isEqualTo(run.revisionId().toString());
    }

    @Test
    void theSerialIsMatchedCaseInsensitivelyAndAnsweredAsStored() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String serial = unique("Sn-Mixed");
        SeededRun.in(org.tenant).serial(serial).store();

        assertThat(unit(serial.toUpperCase(), org.memberKey).get("serial_number").stringValue()).isEqualTo(serial);
        assertThat(unit(serial.toLowerCase(), org.memberKey).get("serial_number").stringValue()).isEqualTo(serial);
    }

    @Test
    void anotherOrganizationsUnitAndAnUnknownSerialAreNotFound() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        KeyedTenant other = KeyedTenant.create(DATABASE);
        String theirs = unique("Sn-Theirs");
        SeededRun.in(other.tenant).serial(theirs).store();

        for (String serial : List.of(theirs, unique("Sn-Unknown"))) {
            ErrorBody answer = refused(http.get().uri("/api/v2/units/{serial}", serial)
                    .headers(headers -> headers.setBearerAuth(org.adminKey)).exchange(), 404);
            assertThat(answer.code()).isEqualTo("NOT_FOUND");
        }
    }

    // units.list

    @Test
    void byDefaultTheNewestUnitsComeFirstWithTheirLastRun() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String older = unique("Sn-Old");
        String newer = unique("Sn-New");
        SeededRun.in(org.tenant).serial(older).store();
        SeededRun.Stored last = SeededRun.in(org.tenant).serial(newer).procedure(org.tenant.unlinkedProcedureId)
                .outcome("ERROR").times(T0.plusSeconds(60), T0.plusSeconds(90)).store();
        SeededRun.in(org.tenant).serial(newer).times(T0, T0.plusSeconds(10)).store();
        createdAt(org, older, T0);
        createdAt(org, newer, T0.plusSeconds(1));

        JsonNode page = page("", org.viewerKey);

        assertThat(serials(page)).containsExactly(newer, older);
        assertThat(page.get("meta").get("has_more").booleanValue()).isFalse();
        assertThat(page.get("meta").get("next_cursor").isNull()).isTrue();
        JsonNode unit = page.get("data").get(0);
        assertThat(unit.get("id").stringValue()).isEqualTo(last.unitId().toString());
        assertThat(unit.get("created_at").stringValue()).isEqualTo("2026-03-02T10:00:01Z");
        assertThat(unit.get("part").get("id").stringValue()).isEqualTo(last.partId().toString());
        assertThat(unit.get("part").get("revision").get("id").stringValue()).isEqualTo(last.revisionId().toString());
        assertThat(unit.get("created_by_user").get("id").stringValue()).isEqualTo(org.tenant.adminId.toString());
        assertThat(unit.get("created_by_station").isNull()).isTrue();
        assertThat(unit.get("batch").isNull()).isTrue();
        assertThat(unit.get("parent").isNull()).isTrue();
        assertThat(unit.get("children")).isEmpty();
        JsonNode lastRun = unit.get("last_run");
        assertThat(lastRun.get("id").stringValue()).isEqualTo(last.runId().toString());
        assertThat(lastRun.get("outcome").stringValue()).isEqualTo("ERROR");
        assertThat(lastRun.get("started_at").stringValue()).isEqualTo("2026-03-02T10:01:00Z");
        assertThat(lastRun.get("ended_at").stringValue()).isEqualTo("2026-03-02T10:01:30Z");
        assertThat(lastRun.get("procedure").get("id").stringValue()).isEqualTo(org.tenant.unlinkedProcedureId.toString());
        assertThat(lastRun.get("procedure").get("name").stringValue()).isEqualTo("Burn-in");
    }

    @Test
    void aListedUnitHasItsParentAndAtMostTenChildren() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String top = unique("Sn-Top");
        SeededRun run = SeededRun.in(org.tenant).serial(top).batch("Lot-9");
        List<String> subs = new ArrayList<>();
        for (int i = 10; i > -1; i--) {
            String sub = top + "-sub-" + String.format("%02d", i);
            subs.addFirst(sub);
            run.subUnit(sub);
        }
        SeededRun.Stored stored = run.store();

        JsonNode listed = page("?serial_numbers=" + top, org.adminKey).get("data").get(0);
        JsonNode sub = page("?serial_numbers=" + subs.getFirst(), org.adminKey).get("data").get(0);

        assertThat(listed.get("children")).extracting(child -> child.get("serial_number").stringValue())
                .containsExactlyElementsOf(subs.subList(0, 10));
        assertThat(listed.get("batch").get("number").stringValue()).isEqualTo("Lot-9");
        assertThat(listed.get("batch").get("id").stringValue()).isEqualTo(stored.batchId().toString());
        assertThat(sub.get("parent").get("id").stringValue()).isEqualTo(stored.unitId().toString());
        assertThat(sub.get("parent").get("serial_number").stringValue()).isEqualTo(top);
        assertThat(sub.get("last_run").isNull()).isTrue();
        assertThat(unit(top, org.adminKey).get("children")).hasSize(11);
    }

    @Test
    void pagesFollowTheCursorUntilTheLastAndNeverRepeatAUnit() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String serial = unique("Sn-" + i);
            SeededRun.in(org.tenant).serial(serial).store();
            createdAt(org, serial, T0.plusSeconds(i));
            expected.addFirst(serial);
        }

        List<String> seen = new ArrayList<>();
        JsonNode page = page("?limit=2", org.adminKey);
        int pages = 1;
        seen.addAll(serials(page));
        while (page.get("meta").get("has_more").booleanValue()) {
            assertThat(serials(page)).hasSize(2);
            page = page("?limit=2&cursor=" + page.get("meta").get("next_cursor").intValue(), org.adminKey);
            seen.addAll(serials(page));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(page.get("meta").get("next_cursor").isNull()).isTrue();
    }

    @Test
    void filtersByIdsAndNamesCaseInsensitively() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String match = unique("Sn-Alpha");
        UUID matchId = SeededRun.in(org.tenant).serial(match).part("PCB-Main", "Main").revision("Rev-B").batch("Lot-7")
                .store().unitId();
        SeededRun.in(org.tenant).serial(unique("Sn-Beta")).part("PCB-Aux", "Aux").revision("A").batch("Lot-8").store();

        for (String query : List.of("ids=" + matchId, "serial_numbers=" + match.toLowerCase(), "part_numbers=pcb-main",
                "revision_numbers=REV-B", "batch_numbers=LOT-7", "search_query=" + match.substring(3).toUpperCase(),
                "search_query=main")) {
            assertThat(serials(page("?" + query, org.adminKey))).as(query).containsExactly(match);
        }
        assertThat(serials(page("?part_numbers=PCB-Main&part_numbers=pcb-aux", org.adminKey))).hasSize(2);
    }

    @Test
    void filtersByTheirRunsProceduresOutcomesAndStartTimes() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String failedThenPassed = unique("Sn-Fixed");
        SeededRun.in(org.tenant).serial(failedThenPassed).outcome("FAIL").times(T0, T0.plusSeconds(5)).store();
        SeededRun.in(org.tenant).serial(failedThenPassed).times(T0.plusSeconds(3600), T0.plusSeconds(3605)).store();
        String burnedIn = unique("Sn-Burn");
        SeededRun.in(org.tenant).serial(burnedIn).procedure(org.tenant.unlinkedProcedureId).outcome("ERROR")
                .times(T0.plusSeconds(7200), T0.plusSeconds(7205)).store();

        String page = "?procedure_ids=" + org.tenant.procedureId;
        assertThat(serials(page(page, org.adminKey))).containsExactly(failedThenPassed);
        assertThat(serials(page("?outcomes=FAIL&outcomes=ERROR", org.adminKey)))
                .containsExactlyInAnyOrder(failedThenPassed, burnedIn);
        assertThat(serials(page("?outcomes=FAIL&outcomes=ERROR&latest_only=true", org.adminKey))).containsExactly(burnedIn);
        assertThat(serials(page("?outcomes=PASS&latest_only=true", org.adminKey))).containsExactly(failedThenPassed);
        assertThat(serials(page("?started_after=2026-03-02T11:30:00Z", org.adminKey))).containsExactly(burnedIn);
        assertThat(serials(page("?started_before=2026-03-02T10:30:00Z", org.adminKey))).containsExactly(failedThenPassed);
        assertThat(serials(page("?started_after=2026-03-02T10:30:00Z&started_before=2026-03-02T11:30:00Z"
                + "&latest_only=true", org.adminKey))).containsExactly(failedThenPassed);
    }

    @Test
    void filtersByRunCountCreationTimeCreatorAndParent() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String twice = unique("Sn-Twice");
        String sub = unique("Sn-Sub");
        SeededRun.in(org.tenant).serial(twice).subUnit(sub).store();
        SeededRun.in(org.tenant).serial(twice).store();
        String byStation = unique("Sn-Station");
        SeededRun.in(org.tenant).serial(byStation).submittedByStation(org.tenant.stationId).store();
        createdAt(org, twice, T0);
        createdAt(org, sub, T0);
        createdAt(org, byStation, T0.plusSeconds(3600));

        assertThat(serials(page("?run_count_min=2", org.adminKey))).containsExactly(twice);
        assertThat(serials(page("?run_count_max=0", org.adminKey))).containsExactly(sub);
        assertThat(serials(page("?run_count_min=1&run_count_max=1", org.adminKey))).containsExactly(byStation);
        assertThat(serials(page("?created_after=2026-03-02T10:30:00Z", org.adminKey))).containsExactly(byStation);
        assertThat(serials(page("?created_before=2026-03-02T10:30:00Z", org.adminKey)))
                .containsExactlyInAnyOrder(twice, sub);
        assertThat(serials(page("?created_by_station_ids=" + org.tenant.stationId, org.adminKey)))
                .containsExactly(byStation);
        assertThat(serials(page("?created_by_user_ids=" + org.tenant.adminId, org.adminKey)))
                .containsExactlyInAnyOrder(twice, sub);
        assertThat(serials(page("?exclude_units_with_parent=true", org.adminKey)))
                .containsExactlyInAnyOrder(twice, byStation);
    }

    @Test
    void sortsByEveryKeyOfTheModelInBothDirections() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String a = unique("Sn-A");
        String b = unique("Sn-B");
        SeededRun.in(org.tenant).serial(a).part(unique("P-A"), "A").procedure(org.tenant.unlinkedProcedureId)
                .times(T0, T0.plusSeconds(1)).store();
        SeededRun.in(org.tenant).serial(b).part(unique("P-B"), "B").times(T0.plusSeconds(60), T0.plusSeconds(61)).store();
        createdAt(org, a, T0.plusSeconds(60));
        createdAt(org, b, T0);

        assertThat(serials(page("?sort_by=created_at&sort_order=asc", org.adminKey))).containsExactly(b, a);
        assertThat(serials(page("?sort_by=created_at", org.adminKey))).containsExactly(a, b);
        assertThat(serials(page("?sort_by=last_run_at&sort_order=asc", org.adminKey))).containsExactly(a, b);
        assertThat(serials(page("?sort_by=last_run_at&sort_order=desc", org.adminKey))).containsExactly(b, a);
        // Burn-in before Functional test.
        assertThat(serials(page("?sort_by=last_run_procedure&sort_order=asc", org.adminKey))).containsExactly(a, b);
        assertThat(serials(page("?sort_by=last_run_procedure&sort_order=desc", org.adminKey))).containsExactly(b, a);
        for (String key : List.of("serial_number", "part_number")) {
            assertThat(serials(page("?sort_by=" + key + "&sort_order=asc", org.adminKey))).as(key).containsExactly(a, b);
            assertThat(serials(page("?sort_by=" + key + "&sort_order=desc", org.adminKey))).as(key).containsExactly(b, a);
        }
    }

    @Test
    void unitsWithoutARunComeLastWhenSortedByTheirLastRun() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        String top = unique("Sn-Top");
        String sub = unique("Sn-Sub");
        SeededRun.in(org.tenant).serial(top).subUnit(sub).store();

        assertThat(serials(page("?sort_by=last_run_at&sort_order=asc", org.adminKey))).containsExactly(top, sub);
        assertThat(serials(page("?sort_by=last_run_at&sort_order=desc", org.adminKey))).containsExactly(top, sub);
    }

    @Test
    void anotherOrganizationsUnitsNeverAppear() {
        KeyedTenant org = KeyedTenant.create(DATABASE);
        KeyedTenant other = KeyedTenant.create(DATABASE);
        UUID mine = SeededRun.in(org.tenant).store().unitId();
        UUID theirs = SeededRun.in(other.tenant).store().unitId();

        JsonNode page = page("?ids=" + mine + "&ids=" + theirs, org.stationKey);

        assertThat(page.get("data")).extracting(unit -> unit.get("id").stringValue()).containsExactly(mine.toString());
    }

    @Test
    void badParametersAreListedInOneBadRequest() {
        KeyedTenant org = KeyedTenant.create(DATABASE);

        ErrorBody answer = refused(http.get().uri("/api/v2/units?ids=nope&outcomes=MAYBE&limit=0&sort_by=started_at"
                + "&created_after=yesterday&latest_only=maybe&run_count_min=-1")
                .headers(headers -> headers.setBearerAuth(org.adminKey)).exchange(), 400);

        assertThat(answer.issues()).extracting(ErrorBody.IssueBody::path).containsExactlyInAnyOrder(
                List.of("ids", 0), List.of("outcomes", 0), List.of("limit"), List.of("sort_by"), List.of("created_after"),
                List.of("latest_only"), List.of("run_count_min"));
    }
}
