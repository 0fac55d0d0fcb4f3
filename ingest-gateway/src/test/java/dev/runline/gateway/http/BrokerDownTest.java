package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.GatewayApplication;
import dev.runline.gateway.auth.ApiKeySecrets;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With no broker to take the run, the station gets a 503 with Retry-After within bounded time, never a hang. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + GatewayApplication.CONFIG_NAME,
            // Nothing to create topics on; the publish path is what is under test.
            "spring.kafka.admin.auto-create=false",
            "spring.kafka.producer.properties.max.block.ms=1000",
            "spring.kafka.producer.properties.request.timeout.ms=1000",
            "spring.kafka.producer.properties.delivery.timeout.ms=2000",
            "runline.gateway.publish-timeout=4s",
        })
@AutoConfigureWebTestClient(timeout = "20s")
class BrokerDownTest {

    private static final String DATABASE = TestDatabase.newMigratedDatabase();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + closedPort);
    }

    @Autowired
    WebTestClient http;

    @Test
    void runIsRefusedWithServiceUnavailableAndRetryAfter() {
        TestTenant tenant = TestTenant.create(DATABASE);
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        tenant.addKey(tenant.adminId, null, key.sha256(), null, null);

        ErrorBody error = http.post().uri("/api/v2/runs")
                .headers(headers -> headers.setBearerAuth(key.secret()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RunBody.v2(tenant.procedureId).toJson())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody(ErrorBody.class).returnResult().getResponseBody();

        assertThat(error.code()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    /** Nothing was accepted, but the key keeps its run id: the station's retry, once the broker is back, delivers it. */
    @Test
    void refusedRunKeepsItsIdempotencyKeyForTheRetry() {
        TestTenant tenant = TestTenant.create(DATABASE);
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        tenant.addKey(tenant.adminId, null, key.sha256(), null, null);
        String body = RunBody.v2(tenant.procedureId).toJson();

        for (int attempt = 0; attempt < 2; attempt++) {
            http.post().uri("/api/v2/runs")
                    .headers(headers -> {
                        headers.setBearerAuth(key.secret());
                        headers.set("Idempotency-Key", "down-1");
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus().isEqualTo(503);
        }

        assertThat(TestDatabase.count(DATABASE, "SELECT count(DISTINCT run_id) FROM idempotency_keys WHERE idempotency_key = 'down-1'"))
                .isEqualTo(1);
    }

    @Test
    void readinessIsDownWithoutABroker() {
        http.mutate().responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503);
    }
}
