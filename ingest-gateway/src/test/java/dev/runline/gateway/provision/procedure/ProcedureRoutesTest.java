package dev.runline.gateway.provision.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.provision.ProvisioningIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import java.util.List;
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

        assertThat(page.get("data").findValuesAsString("id"))
                .containsExactlyInAnyOrder(other.tenant.procedureId.toString(), other.tenant.unlinkedProcedureId.toString());
        assertThat(page.get("meta").get("has_more").booleanValue()).isFalse();
    }

    @Test
    void unprefixedAliasCreatesToo() {
        UUID id = createdId(post("/v2/procedures", tenant.adminKey, "{\"name\": \"Alias test\"}"));

        assertThat(listed(tenant.adminKey, id).get("identifier").stringValue()).isEqualTo("AT1");
    }
}
