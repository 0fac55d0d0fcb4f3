package dev.runline.gateway.provision.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.ClientModels;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.provision.ProvisioningIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST} and {@code GET /api/v2/procedures} against a real PostgreSQL. The reference cache lives ten
 * minutes here, so a run accepted right after a create proves this instance forgot what it had cached.
 */
@TestPropertySource(properties = "runline.gateway.reference-cache-ttl=10m")
class ProcedureRoutesTest extends ProvisioningIntegrationTest {

    private final KeyedTenant tenant = KeyedTenant.create(DATABASE);

    private JsonNode listed(String key, UUID id) {
        for (JsonNode procedure : ok(get("/api/v2/procedures", key)).get("data")) {
            if (procedure.get("id").stringValue().equals(id.toString())) {
                return procedure;
            }
        }
        throw new AssertionError("procedure " + id + " is not listed");
    }

    /** A run of the procedure started at that time, stored as the processor does. */
    private UUID runOf(UUID procedure, Instant startedAt, String outcome) {
        UUID run = tenant.storedRun();
        tenant.tenant.execute("UPDATE runs SET procedure_id = ?, started_at = ?, outcome = ? WHERE id = ?",
                procedure, Timestamp.from(startedAt), outcome, run);
        return run;
    }

    @Test
    void listAnswersTheClientsProcedureListResponse() {
        UUID run = runOf(tenant.tenant.procedureId, Instant.now(), "FAIL");

        JsonNode page = ok(get("/api/v2/procedures", tenant.viewerKey));

        assertThat(ClientModels.violations(page, ClientModels.PROCEDURE_LIST_RESPONSE)).isEmpty();
        JsonNode procedure = listed(tenant.viewerKey, tenant.tenant.procedureId);
        assertThat(procedure.get("created_by_user").get("id").stringValue()).isEmpty();
        assertThat(procedure.get("created_by_user").get("name").isNull()).isTrue();
        assertThat(procedure.get("linkedRepository").isNull()).isTrue();
        JsonNode listedRun = procedure.get("runs").get(0);
        assertThat(listedRun.get("id").stringValue()).isEqualTo(run.toString());
        assertThat(listedRun.get("outcome").stringValue()).isEqualTo("FAIL");
        assertThat(listedRun.get("unit").get("id").stringValue()).isNotBlank();
        assertThat(listed(tenant.viewerKey, tenant.tenant.unlinkedProcedureId).get("runs")).isEmpty();
    }

    @Test
    void recentRunsAreTheLatestFiveNewestFirst() {
        UUID procedure = tenant.newProcedure();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<String> runs = new ArrayList<>();
        for (int minute = 0; minute < 7; minute++) {
            runs.add(runOf(procedure, start.plusSeconds(60L * minute), "PASS").toString());
        }

        JsonNode listed = listed(tenant.adminKey, procedure).get("runs");

        assertThat(listed.findValuesAsString("id").stream().filter(runs::contains).toList())
                .containsExactly(runs.get(6), runs.get(5), runs.get(4), runs.get(3), runs.get(2));
    }

    @Test
    void paginationWalksEveryProcedureOnceOverSeveralPages() {
        KeyedTenant fresh = KeyedTenant.create(DATABASE);
        Set<String> all = new HashSet<>(List.of(fresh.tenant.procedureId.toString(),
                fresh.tenant.unlinkedProcedureId.toString()));
        for (int i = 0; i < 5; i++) {
            all.add(fresh.newProcedure().toString());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            // The client types this cursor as a float: it sends 3.0 for 3.
            JsonNode page = ok(get("/api/v2/procedures?limit=3" + (cursor == null ? "" : "&cursor=" + cursor + ".0"),
                    fresh.viewerKey));
            assertThat(ClientModels.violations(page, ClientModels.PROCEDURE_LIST_RESPONSE)).isEmpty();
            seen.addAll(page.get("data").valueStream().map(item -> item.get("id").stringValue()).toList());
            sizes.add(page.get("data").size());
            JsonNode meta = page.get("meta");
            cursor = meta.get("has_more").booleanValue() ? String.valueOf(meta.get("next_cursor").intValue()) : null;
            assertThat(meta.get("next_cursor").isNull()).isEqualTo(cursor == null);
        } while (cursor != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void searchQueryAndCreationBoundsFilterTheList() {
        UUID old = createdId(post("/api/v2/procedures", tenant.adminKey, "{\"name\": \"Battery test 100%\"}"));
        UUID recent = createdId(post("/api/v2/procedures", tenant.adminKey, "{\"name\": \"BATTERY soak\"}"));
        tenant.tenant.execute("UPDATE procedures SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse("2024-06-01T00:00:00Z")), old);

        // WebTestClient encodes the URI: a % or a blank written here reaches the gateway as %25 or %20.
        List<String> battery = ok(get("/api/v2/procedures?search_query=battery", tenant.viewerKey))
                .get("data").valueStream().map(item -> item.get("id").stringValue()).toList();
        List<String> percent = ok(get("/api/v2/procedures?search_query=100%", tenant.viewerKey))
                .get("data").valueStream().map(item -> item.get("id").stringValue()).toList();
        List<String> literalPercent = ok(get("/api/v2/procedures?search_query=%soak", tenant.viewerKey))
                .get("data").valueStream().map(item -> item.get("id").stringValue()).toList();
        List<String> in2024 = ok(get("/api/v2/procedures?search_query=battery&created_after=2024-01-01T00:00:00Z"
                + "&created_before=2024-12-31T23:59:59.999Z", tenant.viewerKey)).get("data").valueStream().map(item -> item.get("id").stringValue()).toList();

        assertThat(battery).containsExactlyInAnyOrder(old.toString(), recent.toString());
        assertThat(percent).containsExactly(old.toString());
        assertThat(literalPercent).isEmpty();
        assertThat(in2024).containsExactly(old.toString());
    }

    @Test
    void invalidQueryParametersAreABadRequestNamingEach() {
        ErrorBody error = refused(get("/api/v2/procedures?limit=0&cursor=1.5&created_after=yesterday",
                tenant.viewerKey), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path)
                .containsExactly(List.of("limit"), List.of("cursor"), List.of("created_after"));
    }

    @Test
    void createdProcedureIsListedWithTheIdentifierSent() {
        UUID id = createdId(post("/api/v2/procedures", tenant.adminKey, """
                {"name": "End of line", "identifier": "EOL7"}"""));

        JsonNode procedure = listed(tenant.viewerKey, id);

        assertThat(procedure.get("name").stringValue()).isEqualTo("End of line");
        assertThat(procedure.get("identifier").stringValue()).isEqualTo("EOL7");
        assertThat(procedure.get("created_at").stringValue()).isNotBlank();
    }

    @Test
    void identifierIsDerivedFromTheNameAndUniqueInTheOrganization() {
        UUID first = createdId(post("/api/v2/procedures", tenant.memberKey, """
                {"name": "Thermal cycling run"}"""));
        UUID second = createdId(post("/api/v2/procedures", tenant.memberKey, """
                {"name": "Temperature cycle rig"}"""));

        assertThat(listed(tenant.adminKey, first).get("identifier").stringValue()).isEqualTo("TCR1");
        assertThat(listed(tenant.adminKey, second).get("identifier").stringValue()).isEqualTo("TCR2");
    }

    @Test
    void nameIsUniqueInTheOrganizationWhateverItsCase() {
        post("/api/v2/procedures", tenant.adminKey, "{\"name\": \"Leak test\"}").expectStatus().isOk();

        ErrorBody error = refused(post("/api/v2/procedures", tenant.adminKey, "{\"name\": \"LEAK TEST \"}"), 409);

        assertThat(error.code()).isEqualTo("CONFLICT");
        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("name"));
    }

    @Test
    void identifierSentThatIsTakenIsAConflict() {
        ErrorBody error = refused(post("/api/v2/procedures", tenant.adminKey, """
                {"name": "Another functional test", "identifier": "fvt1"}"""), 409);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("identifier"));
    }

    @Test
    void sameNameInAnotherOrganizationIsAnotherProcedure() {
        KeyedTenant other = KeyedTenant.create(DATABASE);
        UUID mine = createdId(post("/api/v2/procedures", tenant.adminKey, "{\"name\": \"Vibration test\"}"));

        UUID theirs = createdId(post("/api/v2/procedures", other.adminKey, "{\"name\": \"Vibration test\"}"));

        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void invalidProcedureListsEveryIssueWithItsPath() {
        ErrorBody error = refused(post("/api/v2/procedures", tenant.adminKey, """
                {"name": "   ", "identifier": "not an identifier"}"""), 400);

        assertThat(error.code()).isEqualTo("BAD_REQUEST");
        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path)
                .containsExactlyInAnyOrder(List.of("name"), List.of("identifier"));
    }

    @Test
    void missingNameAndMalformedBodiesAreBadRequests() {
        assertThat(refused(post("/api/v2/procedures", tenant.adminKey, "{}"), 400).issues())
                .extracting(ErrorBody.IssueBody::path).containsExactly(List.of("name"));
        assertThat(refused(post("/api/v2/procedures", tenant.adminKey, "{\"name\": "), 400).message())
                .startsWith("Malformed JSON");
        assertThat(refused(post("/api/v2/procedures", tenant.adminKey, "[]"), 400).message())
                .contains("JSON object");
    }

    @Test
    void newProcedureIsUsableForRunsOnThisInstanceAtOnce() {
        String body = RunBody.v1("NEWP", tenant.tenant.adminEmail).toJson();
        refused(post("/api/v1/runs", tenant.adminKey, body), 404);

        post("/api/v2/procedures", tenant.adminKey, "{\"name\": \"New product test\", \"identifier\": \"NEWP\"}")
                .expectStatus().isOk();

        post("/api/v1/runs", tenant.adminKey, body).expectStatus().isOk();
    }

    @Test
    void listShowsOnlyTheCallersOrganization() {
        KeyedTenant other = KeyedTenant.create(DATABASE);

        JsonNode page = ok(get("/v2/procedures", other.viewerKey));

        assertThat(page.get("data").valueStream().map(item -> item.get("id").stringValue()).toList())
                .containsExactlyInAnyOrder(other.tenant.procedureId.toString(), other.tenant.unlinkedProcedureId.toString());
        assertThat(page.get("meta").get("has_more").booleanValue()).isFalse();
    }

    @Test
    void unprefixedAliasCreatesToo() {
        UUID id = createdId(post("/v2/procedures", tenant.adminKey, "{\"name\": \"Alias test\"}"));

        assertThat(listed(tenant.adminKey, id).get("identifier").stringValue()).isEqualTo("AT1");
    }
}
