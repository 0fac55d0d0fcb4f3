package dev.runline.gateway.provision.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.auth.ApiKeySecrets;
import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.provision.ProvisioningIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The API key routes against a real PostgreSQL. */
class KeyRoutesTest extends ProvisioningIntegrationTest {

    private final KeyedTenant tenant = KeyedTenant.create(DATABASE);

    private JsonNode create(String body) {
        return ok(post("/api/v2/keys", tenant.adminKey, body));
    }

    @Test
    void createdKeyIsShownOnceAndWorksAtOnce() {
        JsonNode created = create("{\"name\": \"Line 2 laptop\", \"user_id\": \"" + tenant.memberId + "\"}");
        String secret = created.get("key").stringValue();

        post("/api/v2/runs", secret, RunBody.v2(tenant.tenant.procedureId).toJson()).expectStatus().isOk();

        assertThat(secret).startsWith(ApiKeySecrets.SCHEME_PREFIX).startsWith(created.get("prefix").stringValue());
        assertThat(created.get("name").stringValue()).isEqualTo("Line 2 laptop");
        assertThat(created.get("user_id").stringValue()).isEqualTo(tenant.memberId.toString());
        assertThat(created.get("expires_at").isNull()).isTrue();
    }

    @Test
    void listShowsPrefixOwnerAndDatesButNeverTheSecretOrItsHash() {
        JsonNode created = create("{\"name\": \"EOL-1 station\", \"station_id\": \"" + tenant.tenant.stationId + "\"}");
        String secret = created.get("key").stringValue();

        String listing = get("/api/v2/keys", tenant.adminKey).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode listed = null;
        for (JsonNode key : ok(get("/api/v2/keys", tenant.adminKey)).get("data")) {
            if (key.get("id").equals(created.get("id"))) {
                listed = key;
            }
        }

        assertThat(listing).doesNotContain(secret).doesNotContain(secret.substring(12))
                .doesNotContain("secret").doesNotContain("sha256");
        assertThat(listed).isNotNull();
        assertThat(listed.get("prefix").stringValue()).isEqualTo(created.get("prefix").stringValue());
        assertThat(listed.get("station_id").stringValue()).isEqualTo(tenant.tenant.stationId.toString());
        assertThat(listed.get("user_id").isNull()).isTrue();
        assertThat(listed.get("created_at").stringValue()).isNotBlank();
        assertThat(listed.get("revoked_at").isNull()).isTrue();
    }

    @Test
    void stationKeyCreatedHereActsAsItsStation() {
        String secret = create("{\"name\": \"EOL-1\", \"station_id\": \"" + tenant.tenant.stationId + "\"}")
                .get("key").stringValue();

        post("/api/v2/runs", secret, RunBody.v2(tenant.tenant.procedureId).toJson()).expectStatus().isOk();
        refused(post("/api/v2/runs", secret, RunBody.v2(tenant.tenant.unlinkedProcedureId).toJson()), 403);
        assertThat(ok(get("/api/v2/stations/current", secret)).get("id").stringValue())
                .isEqualTo(tenant.tenant.stationId.toString());
    }

    @Test
    void keyNamingNoOwnerIsTheCallingAdminsOwn() {
        JsonNode created = create("{\"name\": \"my scripts\"}");

        assertThat(created.get("user_id").stringValue()).isEqualTo(tenant.tenant.adminId.toString());
        ok(get("/api/v2/keys", created.get("key").stringValue()));
    }

    @Test
    void viewersKeyActsAsAViewer() {
        String secret = create("{\"name\": \"dashboard\", \"user_id\": \"" + tenant.tenant.viewerId + "\"}")
                .get("key").stringValue();

        refused(post("/api/v2/runs", secret, RunBody.v2(tenant.tenant.procedureId).toJson()), 403);
        ok(get("/api/v2/procedures", secret));
    }

    /** Other instances refuse it within the cache TTL: see RevocationBoundTest. */
    @Test
    void revokedKeyIsRefusedAtOnceByTheInstanceThatRevokedIt() {
        JsonNode created = create("{\"name\": \"to revoke\", \"user_id\": \"" + tenant.memberId + "\"}");
        String secret = created.get("key").stringValue();
        String run = RunBody.v2(tenant.tenant.procedureId).toJson();
        post("/api/v2/runs", secret, run).expectStatus().isOk();

        JsonNode revoked = ok(post("/api/v2/keys/" + created.get("id").stringValue() + "/revoke", tenant.adminKey, ""));

        assertThat(revoked.get("revoked_at").isNull()).isFalse();
        assertThat(refused(post("/api/v2/runs", secret, run), 401).code()).isEqualTo("UNAUTHORIZED");
        assertThat(refused(get("/api/v2/runs/" + UUID.randomUUID(), secret), 401).code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void revokeIsIdempotentAndKeepsTheFirstTime() {
        String path = "/v2/keys/" + tenant.spareKey() + "/revoke";

        JsonNode first = ok(post(path, tenant.adminKey, ""));
        JsonNode second = ok(post(path, tenant.adminKey, ""));

        assertThat(second.get("revoked_at")).isEqualTo(first.get("revoked_at"));
    }

    @Test
    void revokingAKeyNotInTheOrganizationIsNotFound() {
        KeyedTenant other = KeyedTenant.create(DATABASE);
        UUID theirs = other.spareKey();

        refused(post("/api/v2/keys/" + theirs + "/revoke", tenant.adminKey, ""), 404);
        refused(post("/api/v2/keys/" + UUID.randomUUID() + "/revoke", tenant.adminKey, ""), 404);

        assertThat(TestDatabase.count(DATABASE, "SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL AND id = '"
                + theirs + "'")).isZero();
    }

    @Test
    void ownerNotInTheOrganizationIsNotFound() {
        KeyedTenant other = KeyedTenant.create(DATABASE);

        ErrorBody user = refused(post("/api/v2/keys", tenant.adminKey,
                "{\"name\": \"x\", \"user_id\": \"" + other.memberId + "\"}"), 404);
        ErrorBody station = refused(post("/api/v2/keys", tenant.adminKey,
                "{\"name\": \"x\", \"station_id\": \"" + other.tenant.stationId + "\"}"), 404);

        assertThat(user.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("user_id"));
        assertThat(station.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("station_id"));
    }

    @Test
    void invalidKeyRequestListsEveryIssueWithItsPath() {
        ErrorBody error = refused(post("/api/v2/keys", tenant.adminKey, """
                {"user_id": "%s", "station_id": "%s", "expires_at": "2020-01-01T00:00:00Z"}"""
                .formatted(tenant.memberId, tenant.tenant.stationId)), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path)
                .containsExactlyInAnyOrder(List.of("name"), List.of("station_id"), List.of("expires_at"));
    }

    @Test
    void keyExpiringLaterWorksUntilThen() {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode created = create("{\"name\": \"contractor\", \"user_id\": \"" + tenant.memberId
                + "\", \"expires_at\": \"" + expiresAt + "\"}");

        assertThat(Instant.parse(created.get("expires_at").stringValue())).isEqualTo(expiresAt);
        post("/api/v2/runs", created.get("key").stringValue(), RunBody.v2(tenant.tenant.procedureId).toJson())
                .expectStatus().isOk();
    }
}
