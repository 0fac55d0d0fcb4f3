package dev.runline.gateway.provision.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.ClientModels;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.provision.ProvisioningIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The member routes against a real PostgreSQL. The reference cache lives ten minutes here, so a v1 run
 * accepted right after its operator was added proves this instance forgot the cached "no such member".
 */
@TestPropertySource(properties = "runline.gateway.reference-cache-ttl=10m")
class MemberRoutesTest extends ProvisioningIntegrationTest {

    private final KeyedTenant tenant = KeyedTenant.create(DATABASE);

    private WebTestClient.ResponseSpec patchRole(UUID member, String role) {
        return call(HttpMethod.PATCH, "/api/v2/members/" + member, tenant.adminKey, "{\"role\": \"" + role + "\"}");
    }

    @Test
    void usersAnswerTheClientsListOfUserListResponse() {
        JsonNode users = ok(get("/api/v2/users", tenant.viewerKey));

        assertThat(ClientModels.violations(users, ClientModels.USER_LIST)).isEmpty();
        assertThat(users.findValuesAsString("id")).contains(tenant.tenant.adminId.toString(),
                tenant.tenant.viewerId.toString(), tenant.memberId.toString())
                .containsExactlyInAnyOrderElementsOf(ok(get("/api/v2/members", tenant.viewerKey)).get("data")
                        .findValuesAsString("id"));
        assertThat(users.findValuesAsString("email")).contains(tenant.tenant.adminEmail);
        assertThat(users.findValues("banned")).allMatch(banned -> banned.isBoolean() && !banned.booleanValue());
        assertThat(users.findValues("image")).allMatch(JsonNode::isNull);
    }

    @Test
    void currentUserIsTheCallingKeysUserAlone() {
        JsonNode current = ok(get("/v2/users?current=true", tenant.memberKey));
        JsonNode everyone = ok(get("/v2/users?current=false", tenant.memberKey));

        assertThat(ClientModels.violations(current, ClientModels.USER_LIST)).isEmpty();
        assertThat(current.findValuesAsString("id")).containsExactly(tenant.memberId.toString());
        assertThat(everyone.findValuesAsString("id")).hasSizeGreaterThan(1).contains(tenant.memberId.toString());
    }

    @Test
    void currentThatIsNotABooleanIsABadRequest() {
        ErrorBody error = refused(get("/api/v2/users?current=maybe", tenant.viewerKey), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("current"));
    }

    @Test
    void usersShowOnlyTheCallersOrganization() {
        KeyedTenant other = KeyedTenant.create(DATABASE);

        assertThat(ok(get("/api/v2/users", other.adminKey)).findValuesAsString("id"))
                .doesNotContain(tenant.memberId.toString(), tenant.tenant.adminId.toString())
                .contains(other.memberId.toString());
    }

    @Test
    void createdMemberIsAnsweredAndListed() {
        JsonNode created = ok(post("/api/v2/members", tenant.adminKey, """
                {"email": "Ada.Lovelace@example.com", "name": "Ada Lovelace", "role": "member"}"""));

        JsonNode page = ok(get("/api/v2/members", tenant.viewerKey));

        assertThat(created.get("email").stringValue()).isEqualTo("Ada.Lovelace@example.com");
        assertThat(created.get("role").stringValue()).isEqualTo("member");
        assertThat(page.get("data").findValuesAsString("id")).contains(created.get("id").stringValue());
        assertThat(page.get("data").findValuesAsString("name")).contains("Ada Lovelace");
    }

    @Test
    void emailIsUniqueInTheOrganizationWhateverItsCase() {
        ErrorBody error = refused(post("/api/v2/members", tenant.adminKey, """
                {"email": "%s", "role": "viewer"}""".formatted(tenant.tenant.adminEmail.toUpperCase())), 409);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("email"));
    }

    @Test
    void sameEmailInAnotherOrganizationIsAnotherMember() {
        KeyedTenant other = KeyedTenant.create(DATABASE);

        ok(post("/api/v2/members", other.adminKey, """
                {"email": "%s", "role": "viewer"}""".formatted(tenant.tenant.adminEmail)));
    }

    @Test
    void invalidMemberListsEveryIssueWithItsPath() {
        ErrorBody error = refused(post("/api/v2/members", tenant.adminKey, """
                {"email": "not an email", "name": "", "role": "owner"}"""), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path)
                .containsExactlyInAnyOrder(List.of("email"), List.of("name"), List.of("role"));
    }

    @Test
    void emailAndRoleAreRequired() {
        ErrorBody error = refused(post("/api/v2/members", tenant.adminKey, "{}"), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path)
                .containsExactlyInAnyOrder(List.of("email"), List.of("role"));
    }

    @Test
    void newMemberIsAnOperatorForV1RunsOnThisInstanceAtOnce() {
        String email = "operator-" + UUID.randomUUID() + "@example.com";
        String run = RunBody.v1("FVT1", email).toJson();
        refused(post("/api/v1/runs", tenant.adminKey, run), 404);

        ok(post("/api/v2/members", tenant.adminKey, "{\"email\": \"" + email + "\", \"role\": \"member\"}"));

        post("/api/v1/runs", tenant.adminKey, run).expectStatus().isOk();
    }

    @Test
    void roleChangeIsAnsweredWithTheMember() {
        UUID member = tenant.newMember("viewer");

        JsonNode changed = ok(patchRole(member, "member"));

        assertThat(changed.get("role").stringValue()).isEqualTo("member");
    }

    @Test
    void lastAdminCannotBeDemoted() {
        KeyedTenant alone = KeyedTenant.create(DATABASE);

        ErrorBody error = refused(call(HttpMethod.PATCH, "/v2/members/" + alone.tenant.adminId, alone.adminKey,
                "{\"role\": \"member\"}"), 409);

        assertThat(error.message()).contains("at least one admin");
        assertThat(ok(get("/api/v2/members", alone.adminKey)).get("data").findValuesAsString("role")).contains("admin");
    }

    @Test
    void anAdminMayStepDownWhenAnotherRemains() {
        UUID second = tenant.newMember("admin");

        assertThat(ok(patchRole(second, "viewer")).get("role").stringValue()).isEqualTo("viewer");
    }

    @Test
    void memberNotInTheOrganizationIsNotFound() {
        KeyedTenant other = KeyedTenant.create(DATABASE);

        for (UUID member : List.of(UUID.randomUUID(), other.memberId)) {
            assertThat(refused(patchRole(member, "viewer"), 404).code()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void demotedMembersKeyLosesItsRightsAtOnceOnThisInstance() {
        String run = dev.runline.gateway.testing.RunBody.v2(tenant.tenant.procedureId).toJson();
        post("/api/v2/runs", tenant.memberKey, run).expectStatus().isOk();

        ok(patchRole(tenant.memberId, "viewer"));

        assertThat(refused(post("/api/v2/runs", tenant.memberKey, run), 403).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void invalidRoleChangeIsABadRequest() {
        ErrorBody error = refused(patchRole(tenant.memberId, "superuser"), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("role"));
    }
}
