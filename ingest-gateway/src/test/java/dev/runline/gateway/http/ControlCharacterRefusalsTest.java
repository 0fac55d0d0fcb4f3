package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestTenant;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * NUL and other control characters, wherever a request carries them (a provisioning body, a path segment, a
 * query value, the Idempotency-Key), are a 400 naming where they were, never a 500 from the database.
 */
class ControlCharacterRefusalsTest extends GatewayIntegrationTest {

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final String key = userKey(tenant, tenant.adminId);

    @LocalServerPort
    private int port;

    @Test
    void aNulInAMembersEmailIsRefusedWithItsPath() {
        ErrorBody answer = refused(post("/api/v2/members", key, "{\"email\":\"ada\\u0000@example.com\",\"role\":\"viewer\"}"),
                400);
        assertThat(answer.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("email"));
    }

    @Test
    void aControlCharacterInAnEmailIsRefused() {
        ErrorBody answer = refused(post("/api/v2/members", key, "{\"email\":\"ada\\u0007@example.com\",\"role\":\"viewer\"}"),
                400);
        assertThat(answer.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("email"));
    }

    @Test
    void aNulInAPathSegmentOrAQueryValueIsRefusedBeforeAnyRoute() {
        ErrorBody path = refused(http.get().uri(URI.create("http://localhost:" + port + "/api/v2/units/SN%00-1"))
                .headers(headers -> headers.setBearerAuth(key)).exchange(), 400);
        ErrorBody query = refused(http.get().uri(URI.create("http://localhost:" + port + "/api/v1/runs?serial_number=SN%0D1"))
                .headers(headers -> headers.setBearerAuth(key)).exchange(), 400);

        assertThat(path.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("path"));
        assertThat(query.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("serial_number"));
        assertThat(query.error()).as("the v1 client reads the legacy shape").isNotNull();
    }

    @Test
    void aControlCharacterInTheIdempotencyKeyIsRefused() {
        ErrorBody answer = refused(http.post().uri("/api/v2/runs")
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("Idempotency-Key", "station\t7");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RunBody.v2(tenant.procedureId).toJson())
                .exchange(), 400);
        assertThat(answer.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("Idempotency-Key"));
    }
}
