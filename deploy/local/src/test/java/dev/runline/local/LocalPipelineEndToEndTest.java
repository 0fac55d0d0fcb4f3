package dev.runline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline as the local mode runs it: a real KRaft broker, a real PostgreSQL, the processor
 * and the gateway. HTTP POST -> broker -> processor -> rows, then a restart that keeps data and key.
 */
class LocalPipelineEndToEndTest {

    private static final Pattern ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"}");

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void postedRunIsStoredAndSurvivesARestart() throws Exception {
        LocalSettings settings = new LocalSettings(home, freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        DemoOrganization.Credentials demo;
        String databaseUrl;
        UUID runId;
        try (LocalRunline runline = new LocalRunline(settings)) {
            runline.start();
            demo = runline.demo();
            databaseUrl = runline.databaseUrl();
            assertThat(runline.banner(Duration.ofSeconds(1))).contains(demo.apiKey(), demo.procedureId().toString(), "curl");

            HttpResponse<String> response = postRun(settings, demo, "SN-E2E-1");

            assertThat(response.statusCode()).isEqualTo(200);
            Matcher id = ID.matcher(response.body());
            assertThat(id.matches()).as(response.body()).isTrue();
            runId = UUID.fromString(id.group(1));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(databaseUrl,
                    "SELECT count(*) FROM runs r JOIN units u ON u.id = r.unit_id WHERE r.id = ? AND u.serial_number = 'SN-E2E-1'",
                    runId) == 1);
            assertThat(count(databaseUrl, """
                    SELECT count(*) FROM measurements m JOIN phases p ON p.id = m.phase_id
                    WHERE p.run_id = ? AND m.name = 'vcc' AND m.value_number = 3.3
                    """, runId)).isEqualTo(1);
            assertThat(get(settings.processorPort(), "/actuator/prometheus"))
                    .contains("runline_processor_runs_stored_total 1.0")
                    .contains("kafka_consumer_fetch_manager_records_lag_max");
            assertThat(get(settings.gatewayPort(), "/actuator/prometheus")).contains("runline_gateway_publish_seconds");
            assertThat(get(settings.gatewayPort(), "/api/v2/runs/" + runId + "/status", demo.apiKey()))
                    .contains("\"status\":\"stored\"");
            // Read back as the processor stored it: the run, its unit, and its measurement.
            assertThat(get(settings.gatewayPort(), "/api/v2/runs/" + runId, demo.apiKey()))
                    .contains("\"serial_number\":\"SN-E2E-1\"", "\"name\":\"vcc\"", "\"measured_value\":3.3");
            assertThat(get(settings.gatewayPort(), "/api/v1/runs?serial_number=sn-e2e-1", demo.apiKey()))
                    .contains("\"id\":\"" + runId + "\"");
            assertThat(get(settings.processorPort(), "/actuator/health/readiness")).contains("\"status\":\"UP\"");

            // A station retrying with its Idempotency-Key gets the same id, and one run is stored.
            HttpResponse<String> first = postRun(settings, demo, "SN-E2E-RETRY", "station-1-run-77");
            HttpResponse<String> retry = postRun(settings, demo, "SN-E2E-RETRY", "station-1-run-77");
            assertThat(retry.body()).isEqualTo(first.body());
            await().atMost(Duration.ofSeconds(60)).until(() -> get(settings.processorPort(), "/actuator/prometheus")
                    .contains("runline_processor_runs_redelivered_total 1.0"));
            assertThat(count(databaseUrl, "SELECT count(*) FROM runs r JOIN units u ON u.id = r.unit_id WHERE u.serial_number = ?",
                    "SN-E2E-RETRY")).isEqualTo(1);
            // ... and so does a retry long after the run was stored.
            assertThat(postRun(settings, demo, "SN-E2E-RETRY", "station-1-run-77").body()).isEqualTo(first.body());
            await().atMost(Duration.ofSeconds(60)).until(() -> get(settings.processorPort(), "/actuator/prometheus")
                    .contains("runline_processor_runs_redelivered_total 2.0"));
            assertThat(count(databaseUrl, "SELECT count(*) FROM runs r JOIN units u ON u.id = r.unit_id WHERE u.serial_number = ?",
                    "SN-E2E-RETRY")).isEqualTo(1);
        }

        try (LocalRunline restarted = new LocalRunline(settings)) {
            restarted.start();

            assertThat(restarted.demo()).isEqualTo(demo);
            assertThat(count(databaseUrl, "SELECT count(*) FROM runs WHERE id = ?", runId)).isEqualTo(1);
            assertThat(postRun(settings, demo, "SN-E2E-2").statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(home.resolve("postgres").resolve("postmaster.pid"))).as("PostgreSQL stopped").isFalse();
    }

    private HttpResponse<String> postRun(LocalSettings settings, DemoOrganization.Credentials demo, String serial)
            throws IOException, InterruptedException {
        return postRun(settings, demo, serial, null);
    }

    private HttpResponse<String> postRun(LocalSettings settings, DemoOrganization.Credentials demo, String serial,
            String idempotencyKey) throws IOException, InterruptedException {
        String body = """
                {"procedure_id":"%s","serial_number":"%s","part_number":"PCB-100","outcome":"PASS",
                 "phases":[{"name":"power_on","outcome":"PASS","measurements":[{"name":"vcc","outcome":"PASS","measured_value":3.3,"units":"V"}]}]}
                """.formatted(demo.procedureId(), serial);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + settings.gatewayPort() + "/api/v2/runs"))
                .header("Authorization", "Bearer " + demo.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String get(int port, String path, String apiKey) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + apiKey).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int count(String url, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, LocalDatabase.USER, LocalDatabase.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
