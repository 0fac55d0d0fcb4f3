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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A station running OpenHTF with TofuPilot's output callback ({@code tofupilot.openhtf.upload}), pointed at the
 * local mode: it writes the record without inlined attachments, uploads it (v1 initialize, PUT), imports it,
 * then uploads and syncs each phase attachment to the run, with the exact requests the integration sends. The
 * stored run is then compared with the record, field by field, for each of the three real records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenHtfStationEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, String> LEVELS = Map.of(10, "DEBUG", 20, "INFO", 30, "WARNING", 40, "ERROR", 50, "CRITICAL");

    private LocalRunline runline;
    private LocalSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        settings = new LocalSettings(home, freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        runline = new LocalRunline(settings);
        runline.start();
        // The demo organization has FVT1; the other records name procedures of their own.
        for (String[] procedure : new String[][] {{"Functional test 2", "FVT2"}, {"Burn-in", "BURN1"}}) {
            HttpResponse<String> created = send("POST", "/api/v2/procedures",
                    "{\"name\": \"" + procedure[0] + "\", \"identifier\": \"" + procedure[1] + "\"}", true);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() {
        runline.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eol-pass.json", "functional-fail.json", "burnin-error.json"})
    void recordUploadedByTheCallbackIsStoredWithEveryPhaseMeasurementLogAndAttachment(String fixture) throws Exception {
        ObjectNode record = (ObjectNode) JSON.readTree(resource(fixture));
        Map<String, byte[]> phaseFiles = withoutInlinedData(record);
        byte[] written = JSON.writeValueAsBytes(record);

        UUID runId = stationUploads(record, written, phaseFiles);

        await().atMost(Duration.ofSeconds(60)).until(() -> attachmentCount(runId) == 1 + phaseFiles.size()
                && count("SELECT count(*) FROM runs WHERE id = ?", runId) == 1);
        ObjectNode stored = StoredRuns.read(runline.databaseUrl(), runId);
        assertRunMatchesRecord(record, stored);
        assertAttachments(runId, written, phaseFiles);
    }

    @Test
    void theSameRecordImportedTwiceIsOneRun() throws Exception {
        ObjectNode record = (ObjectNode) JSON.readTree(resource("eol-pass.json"));
        ((ObjectNode) record).put("dut_id", "PCB100-TWICE");
        String uploadId = upload("PCB100-TWICE.eol_pass.json", JSON.writeValueAsBytes(record), "application/json");

        String first = importRecord(uploadId).body();
        String second = importRecord(uploadId).body();

        assertThat(second).isEqualTo(first);
        UUID runId = UUID.fromString(JSON.readTree(first).get("id").asString());
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM runs WHERE id = ?", runId) == 1);
        assertThat(count("""
                SELECT count(*) FROM runs r JOIN units u ON u.id = r.unit_id WHERE u.serial_number = 'PCB100-TWICE'
                """)).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAnOpenHtfRecordIsRefusedWithThePathOfWhatIsWrong() throws Exception {
        String notJson = upload("notes.json", "this is not json".getBytes(StandardCharsets.UTF_8), "application/json");
        String noSerial = upload("record.json", "{\"phases\": [], \"outcome\": \"PASS\", \"start_time_millis\": 1}"
                .getBytes(StandardCharsets.UTF_8), "application/json");

        HttpResponse<String> malformed = importRecord(notJson);
        HttpResponse<String> incomplete = importRecord(noSerial);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").get("message").asString()).contains("OpenHTF");
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("\"dut_id\"");
    }

    /** What {@code tofupilot.openhtf.upload.__call__} does, request by request. */
    private UUID stationUploads(JsonNode record, byte[] written, Map<String, byte[]> phaseFiles) throws Exception {
        String name = record.get("dut_id").asString() + "." + record.get("metadata").get("test_name").asString()
                + ".2026-12-03_10-15-30-123.json";
        String uploadId = upload(name, written, "application/json");
        HttpResponse<String> imported = importRecord(uploadId);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        UUID runId = UUID.fromString(JSON.readTree(imported.body()).get("id").asString());
        for (JsonNode phase : record.get("phases")) {
            for (var attachment : phase.get("attachments").properties()) {
                String attachmentUpload = upload(attachment.getKey(), phaseFiles.get(attachment.getKey()),
                        attachment.getValue().get("mimetype").asString());
                HttpResponse<String> synced = send("POST", "/api/v1/uploads/sync",
                        "{\"upload_id\": \"" + attachmentUpload + "\", \"run_id\": \"" + runId + "\"}", true);
                assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
            }
        }
        return runId;
    }

    /** v1 {@code upload_file}: initialize, then PUT the bytes without an API key. */
    private String upload(String name, byte[] bytes, String contentType) throws Exception {
        HttpResponse<String> initialized = send("POST", "/api/v1/uploads/initialize", "{\"name\": \"" + name + "\"}", true);
        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        JsonNode upload = JSON.readTree(initialized.body());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asString()))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return upload.get("id").asString();
    }

    private HttpResponse<String> importRecord(String uploadId) throws Exception {
        return send("POST", "/api/v1/import", "{\"upload_id\": \"" + uploadId
                + "\", \"importer\": \"OPENHTF\", \"client\": \"Python\", \"client_version\": \"2.0.4\"}", true);
    }

    private void assertRunMatchesRecord(JsonNode record, ObjectNode stored) {
        assertThat(stored.get("serial_number").asString()).isEqualTo(record.get("dut_id").asString());
        assertThat(stored.get("part_number").asString()).isEqualTo(record.get("metadata").get("part_number").asString());
        assertThat(stored.get("outcome").asString()).isEqualTo(record.get("outcome").asString());
        assertThat(Instant.parse(stored.get("started_at").asString()))
                .isEqualTo(Instant.ofEpochMilli(record.get("start_time_millis").asLong()));
        assertThat(Instant.parse(stored.get("ended_at").asString()))
                .isEqualTo(Instant.ofEpochMilli(record.get("end_time_millis").asLong()));
        assertThat(stored.get("client").asString()).isEqualTo("Python");

        JsonNode phases = record.get("phases");
        assertThat(stored.get("phases").size()).isEqualTo(phases.size());
        for (int i = 0; i < phases.size(); i++) {
            JsonNode sent = phases.get(i);
            JsonNode kept = stored.get("phases").get(i);
            assertThat(kept.get("name").asString()).isEqualTo(sent.get("name").asString());
            assertThat(kept.get("outcome").asString()).isEqualTo(sent.get("outcome").asString());
            assertThat(Instant.parse(kept.get("started_at").asString()))
                    .isEqualTo(Instant.ofEpochMilli(sent.get("start_time_millis").asLong()));
            List<String> names = new ArrayList<>();
            sent.get("measurements").properties().forEach(entry -> names.add(entry.getKey()));
            assertThat(kept.get("measurements").valueStream().map(m -> m.get("name").asString()).toList())
                    .as("measurements of %s", sent.get("name")).isEqualTo(names);
            for (int m = 0; m < names.size(); m++) {
                assertMeasurement(sent.get("measurements").get(names.get(m)), kept.get("measurements").get(m));
            }
        }

        JsonNode logs = record.get("log_records");
        assertThat(stored.get("logs").size()).isEqualTo(logs.size());
        for (int i = 0; i < logs.size(); i++) {
            JsonNode sent = logs.get(i);
            JsonNode kept = stored.get("logs").get(i);
            assertThat(kept.get("level").asString()).isEqualTo(LEVELS.get(sent.get("level").asInt()));
            assertThat(kept.get("message").asString()).isEqualTo(sent.get("message").asString().isEmpty()
                    ? "(empty)" : sent.get("message").asString());
            assertThat(kept.get("source_file").asString()).isEqualTo(sent.get("source").asString());
            assertThat(kept.get("line_number").asInt()).isEqualTo(sent.get("lineno").asInt());
            assertThat(Instant.parse(kept.get("timestamp").asString()))
                    .isEqualTo(Instant.ofEpochMilli(sent.get("timestamp_millis").asLong()));
        }
    }

    private static void assertMeasurement(JsonNode sent, JsonNode kept) {
        String name = sent.get("name").asString();
        String outcome = sent.get("outcome").asString();
        assertThat(kept.get("outcome").asString()).as(name).isEqualTo(outcome.equals("PARTIALLY_SET") ? "UNSET" : outcome);
        JsonNode value = sent.get("measured_value");
        JsonNode storedValue = kept.get("measured_value");
        if (value == null || value.isNull()) {
            assertThat(storedValue).as(name).isNull();
        } else if (value.isNumber()) {
            assertThat(storedValue.doubleValue()).as(name).isEqualTo(value.doubleValue());
        } else if (value.isString()) {
            assertThat(storedValue.asString()).as(name).isEqualTo(value.asString());
        } else if (value.isBoolean()) {
            assertThat(storedValue.booleanValue()).as(name).isEqualTo(value.booleanValue());
        } else {
            // A multi-dimensional value, as its rows.
            assertThat(storedValue.size()).as(name).isEqualTo(value.size());
            for (int row = 0; row < value.size(); row++) {
                for (int column = 0; column < value.get(row).size(); column++) {
                    assertThat(storedValue.get(row).get(column).doubleValue())
                            .isEqualTo(value.get(row).get(column).doubleValue());
                }
            }
        }
        JsonNode units = sent.get("units");
        if (units != null && !units.isNull()) {
            assertThat(kept.get("units").toString()).as(name).contains(units.get("suffix").asString());
        }
        if (sent.get("dimensions") != null && !sent.get("dimensions").isNull()) {
            for (JsonNode dimension : sent.get("dimensions")) {
                assertThat(kept.get("units").toString()).as(name).contains(dimension.get("suffix").asString());
            }
        }
        JsonNode validators = sent.get("validators");
        if (validators != null && !validators.isNull() && !validators.isEmpty()) {
            List<String> expected = new ArrayList<>();
            validators.forEach(text -> expected.addAll(expectedValidators(text.asString())));
            List<String> storedValidators = kept.get("validators").valueStream()
                    .map(v -> v.get("operator").asString() + " " + v.get("expected_value")).toList();
            assertThat(storedValidators).as("validators of %s", name).isEqualTo(expected);
            kept.get("validators").forEach(v -> assertThat(v.get("outcome").asString()).isEqualTo(outcome));
        }
    }

    /**
     * The contract's validators for the validator texts the three records hold (OpenHTF's str() of InRange,
     * LessThanOrEqual, Equals and RegexMatcher): "operator expected_value".
     */
    private static List<String> expectedValidators(String text) {
        java.util.regex.Matcher range = java.util.regex.Pattern.compile("(\\S+) <= x <= (\\S+)").matcher(text);
        if (range.matches()) {
            return List.of(">= " + number(range.group(1)), "<= " + number(range.group(2)));
        }
        if (text.startsWith("x <= ")) {
            return List.of("<= " + number(text.substring(5)));
        }
        if (text.equals("x == True")) {
            return List.of("== true");
        }
        java.util.regex.Matcher regex = java.util.regex.Pattern.compile("'x' matches /(.*)/").matcher(text);
        if (regex.matches()) {
            return List.of("matches " + JSON.getNodeFactory().stringNode(regex.group(1)));
        }
        throw new AssertionError("A validator text the records were not expected to hold: " + text);
    }

    private static String number(String text) {
        return JSON.readTree(text).toString();
    }

    private void assertAttachments(UUID runId, byte[] record, Map<String, byte[]> phaseFiles) throws Exception {
        HttpResponse<String> listed = send("GET", "/api/v2/runs/" + runId + "/attachments", null, true);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode attachments = JSON.readTree(listed.body());
        assertThat(attachments.size()).isEqualTo(1 + phaseFiles.size());
        JsonNode report = attachments.get(0);
        assertThat(report.get("is_report").booleanValue()).isTrue();
        assertThat(report.get("size").asLong()).isEqualTo(record.length);
        assertThat(download(report.get("download_url").asString())).isEqualTo(record);
        for (int i = 1; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            byte[] sent = phaseFiles.get(attachment.get("name").asString());
            assertThat(attachment.get("is_report").booleanValue()).isFalse();
            assertThat(attachment.get("size").asLong()).isEqualTo(sent.length);
            assertThat(download(attachment.get("download_url").asString())).isEqualTo(sent);
        }
    }

    /** {@code json_factory.OutputToJSON(inline_attachments=False)}: attachments keep their mimetype and sha1 only. */
    private static Map<String, byte[]> withoutInlinedData(ObjectNode record) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (JsonNode phase : record.get("phases")) {
            for (var attachment : phase.get("attachments").properties()) {
                ObjectNode value = (ObjectNode) attachment.getValue();
                files.put(attachment.getKey(), Base64.getDecoder().decode(value.get("data").asString()));
                value.remove("data");
            }
        }
        return files;
    }

    private byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String body, boolean authorized) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + settings.gatewayPort() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorized) {
            request.header("Authorization", "Bearer " + runline.demo().apiKey());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int attachmentCount(UUID runId) throws SQLException {
        return count("SELECT count(*) FROM attachments WHERE run_id = ?", runId);
    }

    private int count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(runline.databaseUrl(), LocalDatabase.USER, LocalDatabase.PASSWORD);
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

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OpenHtfStationEndToEndTest.class.getResourceAsStream("/openhtf/" + name)) {
            return in.readAllBytes();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
