package dev.runline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A maximal v2 run and a maximal v1 run, posted through the gateway, come out of PostgreSQL field for
 * field equal to what was sent (v1: to what it means in the one event shape, kept beside it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalRunline runline;
    private LocalSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        settings = new LocalSettings(home, freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        runline = new LocalRunline(settings);
        runline.start();
        for (String subUnit : new String[] {"BRD-RT-1", "BRD-RT-2", "BRD-RT-3"}) {
            awaitStored(post("/api/v2/runs", """
                    {"procedure_id":"%s","serial_number":"%s","part_number":"BRD-10","outcome":"PASS"}
                    """.formatted(runline.demo().procedureId(), subUnit)));
        }
    }

    @AfterAll
    void stop() {
        runline.close();
    }

    @Test
    void maximalV2RunIsStoredFieldForField() throws Exception {
        JsonNode sent = resource("maximal-v2.json");

        UUID id = awaitStored(post("/api/v2/runs", sent.toString()));

        ObjectNode stored = StoredRuns.read(runline.databaseUrl(), id);
        stored.remove("part_name"); // not a v2 field: the auto-created part is named "New Part"
        assertEqual(withoutNulls(sent), stored);
    }

    @Test
    void maximalV1RunIsStoredAsItsNormalisedForm() throws Exception {
        JsonNode sent = resource("maximal-v1.json");

        UUID id = awaitStored(post("/api/v1/runs", sent.toString()));

        assertEqual(resource("maximal-v1.stored.json"), StoredRuns.read(runline.databaseUrl(), id));
    }

    private static void assertEqual(JsonNode expected, JsonNode stored) {
        assertThat(expected.equals(StoredRuns::compare, stored))
                .as("expected%n%s%nstored%n%s", expected.toPrettyString(), stored.toPrettyString())
                .isTrue();
    }

    private JsonNode resource(String name) throws IOException {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/round-trip/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${PROCEDURE_ID}", runline.demo().procedureId().toString())
                    .replace("${OPERATOR}", DemoOrganization.ADMIN_EMAIL);
            return JSON.readTree(text);
        }
    }

    /** A null is an absent value in the contract; the database keeps no trace of it. */
    private static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(RoundTripTest::strip);
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + settings.gatewayPort() + path))
                        .header("Authorization", "Bearer " + runline.demo().apiKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private UUID awaitStored(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UUID id = UUID.fromString(JSON.readTree(response.body()).get("id").stringValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> StoredRuns.read(runline.databaseUrl(), id).has("outcome"));
        return id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
