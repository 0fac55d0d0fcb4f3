package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.GatewayApplication;
import dev.runline.gateway.auth.ApiKeySecrets;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without its database the gateway cannot check a key: a 503 the station retries, never a 500 and never a hang. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + GatewayApplication.CONFIG_NAME,
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.datasource.hikari.connection-timeout=1000",
        })
@EmbeddedKafka
@DirtiesContext
@AutoConfigureWebTestClient(timeout = "20s")
class DatabaseDownTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + closedPort + "/runline");
    }

    @Autowired
    WebTestClient http;

    @Test
    void runIsRefusedWithServiceUnavailableAndRetryAfter() {
        ErrorBody error = http.post().uri("/api/v2/runs")
                .headers(headers -> headers.setBearerAuth(ApiKeySecrets.generate().secret()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody(ErrorBody.class).returnResult().getResponseBody();

        assertThat(error.code()).isEqualTo("SERVICE_UNAVAILABLE");
    }
}
