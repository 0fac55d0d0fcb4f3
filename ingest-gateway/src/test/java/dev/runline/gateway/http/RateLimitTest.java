package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestTenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The per-key rate limit on the real routes, with a limit small enough to cross: 3 at once, then one per 20 s. */
@TestPropertySource(properties = {
    "runline.gateway.rate-limit.requests-per-second=0.05",
    "runline.gateway.rate-limit.burst=3",
})
class RateLimitTest extends GatewayIntegrationTest {

    private static final int BURST = 3;

    private final TestTenant tenant = TestTenant.create(DATABASE);

    @Test
    void aKeyPastItsBurstGetsTooManyRequestsWithRetryAfter() {
        String key = userKey(tenant, tenant.adminId);
        for (int i = 0; i < BURST; i++) {
            post("/api/v2/runs", key, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk();
        }

        WebTestClient.ResponseSpec refused = post("/api/v2/runs", key, RunBody.v2(tenant.procedureId).toJson());

        String retryAfter = refused.expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .returnResult(ErrorBody.class).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).as("whole seconds until the next token").matches("\\d+");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 20);
        ErrorBody body = refused(refused, 429);
        assertThat(body.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(body.message()).contains("0.05 requests per second per API key (burst 3)")
                .contains("Retry after " + retryAfter + " s");
        assertThat(body.issues()).isEmpty();
    }

    @Test
    void anotherKeyOfTheSameOrganizationIsNotAffected() {
        String busy = userKey(tenant, tenant.adminId);
        String other = userKey(tenant, tenant.adminId);
        for (int i = 0; i < BURST; i++) {
            post("/api/v2/runs", busy, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk();
        }
        post("/api/v2/runs", busy, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isEqualTo(429);

        post("/api/v2/runs", other, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk();
        post("/api/v2/runs", busy, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isEqualTo(429);
    }

    @Test
    void theLegacyRouteAnswersInTheLegacyShape() {
        String key = userKey(tenant, tenant.adminId);
        for (int i = 0; i < BURST; i++) {
            post("/api/v1/runs", key, RunBody.v1("FVT1", tenant.adminEmail).toJson()).expectStatus().isOk();
        }

        ErrorBody body = post("/api/v1/runs", key, RunBody.v1("FVT1", tenant.adminEmail).toJson())
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "application/json")
                .expectBody(ErrorBody.class).returnResult().getResponseBody();
        assertThat(body.error().message()).isEqualTo(body.message());
    }

    @Test
    void everyAuthenticatedRouteCountsAgainstTheSameBucket() {
        String key = userKey(tenant, tenant.adminId);
        for (int i = 0; i < BURST; i++) {
            http.get().uri("/api/v2/runs/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(key))
                    .exchange().expectStatus().isNotFound();
        }

        post("/api/v2/runs", key, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isEqualTo(429);
        http.get().uri("/api/v2/runs/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(key))
                .exchange().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void aBadKeyIsUnauthorizedNotRateLimited() {
        for (int i = 0; i <= BURST; i++) {
            post("/api/v2/runs", "rl_not-a-key", RunBody.v2(tenant.procedureId).toJson()).expectStatus().isUnauthorized();
        }
    }
}
