package dev.runline.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.provision.KeyedTenant;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunningProcessor;
import dev.runline.gateway.testing.SeededRun;
import dev.runline.gateway.testing.SeededRun.Measurement;
import dev.runline.gateway.testing.SeededRun.Phase;
import dev.runline.gateway.testing.Uploads;
import dev.runline.schemas.testing.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edit routes of the v2 client ({@code runs.delete}, {@code units.update}, {@code units.add_child},
 * {@code units.remove_child}) against the real broker, database and processor: sent as the client sends them,
 * answered in its response models once the processor applied them, and every refusal a 4xx that changes nothing.
 */
@TestPropertySource(properties = "runline.gateway.edits.apply-wait=3s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditRoutesTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final KeyedTenant org = KeyedTenant.create(DATABASE);
    private final KeyedTenant other = KeyedTenant.create(DATABASE);
    private RunningProcessor processor;

    @BeforeAll
    void startProcessor() {
        processor = RunningProcessor.start(broker.getBrokersAsString(), DATABASE);
    }

    @AfterAll
    void stopProcessor() {
        processor.close();
    }

    // --- runs.delete -------------------------------------------------------------------------------------------

    @Test
    void deletesRunsOfSeveralUnitsWithEveryRowUnderThem() throws SQLException {
        String serial = serial();
        UUID first = SeededRun.in(org.tenant).serial(serial).phase(Phase.passed("Power", T0, T0.plusSeconds(1),
                Measurement.number("vcc", 3.3, null, null))).store().runId();
        UUID second = SeededRun.in(org.tenant).serial(serial).store().runId();
        UUID elsewhere = SeededRun.in(org.tenant).store().runId();
        UUID kept = SeededRun.in(org.tenant).serial(serial).store().runId();

        JsonNode answer = ok(call(HttpMethod.DELETE, "/v2/runs?ids=" + first + "&ids=" + second + "&ids=" + elsewhere,
                org.memberKey, null), EditResponseModels.RUN_DELETE);

        assertThat(strings(answer.get("id"))).containsExactlyInAnyOrder(first.toString(), second.toString(),
                elsewhere.toString());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ANY(?)", first, second, elsewhere)).isZero();
        assertThat(count("SELECT count(*) FROM phases WHERE run_id = ?", first)).isZero();
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", kept)).isOne();
        call(HttpMethod.GET, "/api/v2/runs/" + first, org.memberKey, null).expectStatus().isNotFound();
    }

    @Test
    void anotherOrganizationsRunIsNotFoundAndStaysStored() throws SQLException {
        UUID theirs = SeededRun.in(other.tenant).store().runId();
        UUID mine = SeededRun.in(org.tenant).store().runId();

        refused(call(HttpMethod.DELETE, "/api/v2/runs?ids=" + theirs, org.adminKey, null), 404);
        JsonNode answer = ok(call(HttpMethod.DELETE, "/api/v2/runs?ids=" + theirs + "&ids=" + mine, org.adminKey, null),
                EditResponseModels.RUN_DELETE);

        assertThat(strings(answer.get("id"))).containsExactly(mine.toString());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", theirs)).isOne();
    }

    @Test
    void aRunNotYetStoredIsNotFoundWithTheStatusRouteNamed() {
        ErrorBody answer = refused(call(HttpMethod.DELETE, "/api/v2/runs?ids=" + UUID.randomUUID(), org.adminKey, null),
                404);
        assertThat(answer.message()).contains("still be being stored").contains("/status");
    }

    @Test
    void badIdsAreRefusedWithTheirPosition() {
        ErrorBody answer = refused(call(HttpMethod.DELETE, "/api/v2/runs?ids=" + UUID.randomUUID() + "&ids=nope",
                org.adminKey, null), 400);
        assertThat(answer.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("ids", 1));
        refused(call(HttpMethod.DELETE, "/api/v2/runs", org.adminKey, null), 400);
    }

    // --- units.update --------------------------------------------------------------------------------------------

    @Test
    void updatesPartRevisionBatchAndSerialCaseInsensitively() throws SQLException {
        String serial = serial();
        SeededRun.Stored stored = SeededRun.in(org.tenant).serial(serial).part("PCB-OLD", "Board").revision("A")
                .batch("LOT-1").store();
        String renamed = serial + "-R";

        JsonNode answer = ok(patch("/v2/units/" + serial.toLowerCase(), org.memberKey, """
                {"new_serial_number":"%s","part_number":"PCB-NEW","revision_number":"C","batch_number":"LOT-2"}
                """.formatted(renamed)), EditResponseModels.UNIT_UPDATE);

        assertThat(answer.get("id").stringValue()).isEqualTo(stored.unitId().toString());
        assertThat(unitText("""
                SELECT u.serial_number || '|' || p.number || '|' || r.number || '|' || b.number
                FROM units u JOIN revisions r ON r.id = u.revision_id JOIN parts p ON p.id = r.part_id
                JOIN batches b ON b.id = u.batch_id WHERE u.id = ?""", stored.unitId()))
                .isEqualTo(renamed + "|PCB-NEW|C|LOT-2");
        assertThat(count("SELECT count(*) FROM runs WHERE unit_id = ?", stored.unitId())).isOne();
    }

    @Test
    void nullBatchTakesTheUnitOutOfItsBatchAndAbsentFieldsAreKept() throws SQLException {
        String serial = serial();
        SeededRun.Stored stored = SeededRun.in(org.tenant).serial(serial).revision("B").batch("LOT-9").store();

        ok(patch("/api/v2/units/" + serial, org.adminKey, "{\"batch_number\": null}"), EditResponseModels.UNIT_UPDATE);

        assertThat(unitText("SELECT coalesce(batch_id::text, 'none') FROM units WHERE id = ?", stored.unitId()))
                .isEqualTo("none");
        assertThat(unitText("SELECT revision_id::text FROM units WHERE id = ?", stored.unitId()))
                .isEqualTo(stored.revisionId().toString());
    }

    @Test
    void updateRefusals() {
        String serial = serial();
        SeededRun.in(org.tenant).serial(serial).store();
        String taken = serial();
        SeededRun.in(org.tenant).serial(taken).store();
        String theirs = serial();
        SeededRun.in(other.tenant).serial(theirs).store();

        refused(patch("/api/v2/units/" + theirs, org.adminKey, "{\"part_number\":\"X-1\"}"), 404);
        refused(patch("/api/v2/units/" + serial, org.adminKey, "{\"new_serial_number\":\"" + taken.toUpperCase() + "\"}"),
                409);
        ErrorBody bad = refused(patch("/api/v2/units/" + serial, org.adminKey,
                "{\"part_number\":\"has space\",\"revision_number\":7}"), 400);
        assertThat(bad.issues()).extracting(ErrorBody.IssueBody::path)
                .containsExactly(List.of("part_number"), List.of("revision_number"));
        refused(patch("/api/v2/units/" + serial, org.adminKey, "{\"attachments\":[\"" + UUID.randomUUID() + "\"]}"),
                404);
        refused(patch("/api/v2/units/" + serial, org.viewerKey, "{\"part_number\":\"X-1\"}"), 403);
        refused(patch("/api/v2/units/" + serial, org.stationKey, "{\"part_number\":\"X-1\"}"), 403);
    }

    @Test
    void filesAttachedToAUnitAreItsOwnAndBelongToNoRun() throws SQLException {
        String serial = serial();
        SeededRun.Stored stored = SeededRun.in(org.tenant).serial(serial).store();
        UUID file = storedUpload("label.png");
        UUID waiting = Uploads.initializedV2(http, org.memberKey, "later.png").uploadId();

        ok(patch("/api/v2/units/" + serial, org.memberKey, "{\"attachments\":[\"" + file + "\"]}"),
                EditResponseModels.UNIT_UPDATE);
        ok(patch("/api/v2/units/" + serial, org.memberKey, "{\"attachments\":[\"" + file + "\"]}"),
                EditResponseModels.UNIT_UPDATE);

        assertThat(count("SELECT count(*) FROM attachments WHERE unit_id = ?", stored.unitId())).isOne();
        JsonNode unit = ok(call(HttpMethod.GET, "/api/v2/units/" + serial, org.viewerKey, null),
                UnitGetResponseModel.RESPONSE);
        assertThat(unit.get("attachments")).hasSize(1);
        JsonNode attached = unit.get("attachments").get(0);
        assertThat(attached.get("id").stringValue()).isEqualTo(file.toString());
        assertThat(attached.get("name").stringValue()).isEqualTo("label.png");
        assertThat(attached.get("size").asLong()).isEqualTo(5);
        assertThat(http.get().uri(URI.create(attached.get("download_url").stringValue())).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody())
                .isEqualTo("bytes".getBytes(StandardCharsets.UTF_8));
        ok(call(HttpMethod.GET, "/api/v2/runs/" + stored.runId(), org.viewerKey, null), RunGetResponseModel.RUN);
        assertThat(count("SELECT count(*) FROM attachments WHERE run_id = ?", stored.runId())).isZero();
        refused(call(HttpMethod.DELETE, "/api/v2/attachments?ids=" + file, org.memberKey, null), 409);
        refused(Uploads.updateRun(http, org.memberKey, stored.runId(), file), 409);
        String another = serial();
        SeededRun.in(org.tenant).serial(another).store();
        refused(patch("/api/v2/units/" + another, org.memberKey, "{\"attachments\":[\"" + file + "\"]}"), 409);
        refused(patch("/api/v2/units/" + serial, org.memberKey, "{\"attachments\":[\"" + waiting + "\"]}"), 400);
    }

    @Test
    void aRefusedUpdateReleasesTheFilesItClaimed() throws SQLException {
        String serial = serial();
        SeededRun.in(org.tenant).serial(serial).store();
        String taken = serial();
        SeededRun.in(org.tenant).serial(taken).store();
        UUID file = storedUpload("cert.pdf");

        refused(patch("/api/v2/units/" + serial, org.memberKey,
                "{\"new_serial_number\":\"" + taken + "\",\"attachments\":[\"" + file + "\"]}"), 409);

        assertThat(unitText("SELECT coalesce(unit_id::text, 'free') FROM uploads WHERE id = ?", file)).isEqualTo("free");
        ok(call(HttpMethod.DELETE, "/api/v2/attachments?ids=" + file, org.memberKey, null), EditResponseModels.RUN_DELETE);
    }

    // --- units.add_child / units.remove_child ---------------------------------------------------------------------

    @Test
    void addsAndRemovesASubUnit() throws SQLException {
        String parent = serial();
        String child = serial();
        UUID parentId = SeededRun.in(org.tenant).serial(parent).store().unitId();
        UUID childId = SeededRun.in(org.tenant).serial(child).store().unitId();

        JsonNode added = ok(put("/v2/units/" + parent + "/children", org.memberKey,
                "{\"child_serial_number\":\"" + child.toLowerCase() + "\"}"), EditResponseModels.UNIT_ADD_CHILD);
        assertThat(added.get("id").stringValue()).isEqualTo(childId.toString());
        assertThat(unitText("SELECT parent_unit_id::text FROM units WHERE id = ?", childId)).isEqualTo(parentId.toString());

        JsonNode removed = ok(call(HttpMethod.DELETE, "/v2/units/" + parent + "/children?child_serial_number=" + child,
                org.memberKey, null), EditResponseModels.UNIT_REMOVE_CHILD);
        assertThat(removed.get("id").stringValue()).isEqualTo(childId.toString());
        assertThat(unitText("SELECT coalesce(parent_unit_id::text, 'none') FROM units WHERE id = ?", childId))
                .isEqualTo("none");
        refused(call(HttpMethod.DELETE, "/api/v2/units/" + parent + "/children?child_serial_number=" + child,
                org.memberKey, null), 404);
    }

    @Test
    void aCycleIsRefusedAtTheApiAndNothingChanges() throws SQLException {
        String system = serial();
        String board = serial();
        String chip = serial();
        UUID systemId = SeededRun.in(org.tenant).serial(system).store().unitId();
        SeededRun.in(org.tenant).serial(board).store();
        SeededRun.in(org.tenant).serial(chip).store();
        ok(put("/api/v2/units/" + system + "/children", org.adminKey, child(board)), EditResponseModels.UNIT_ADD_CHILD);
        ok(put("/api/v2/units/" + board + "/children", org.adminKey, child(chip)), EditResponseModels.UNIT_ADD_CHILD);

        ErrorBody loop = refused(put("/api/v2/units/" + chip + "/children", org.adminKey, child(system)), 400);
        ErrorBody self = refused(put("/api/v2/units/" + chip + "/children", org.adminKey, child(chip)), 400);

        assertThat(loop.message()).contains(system + " is an ancestor of " + chip);
        assertThat(self.message()).contains("cannot be its own sub-unit");
        assertThat(unitText("SELECT coalesce(parent_unit_id::text, 'none') FROM units WHERE id = ?", systemId))
                .isEqualTo("none");
    }

    @Test
    void childRefusals() {
        String parent = serial();
        SeededRun.in(org.tenant).serial(parent).store();
        String theirs = serial();
        SeededRun.in(other.tenant).serial(theirs).store();

        refused(put("/api/v2/units/" + parent + "/children", org.adminKey, child(theirs)), 404);
        refused(put("/api/v2/units/" + theirs + "/children", org.adminKey, child(parent)), 404);
        ErrorBody missing = refused(put("/api/v2/units/" + parent + "/children", org.adminKey, "{}"), 400);
        assertThat(missing.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("child_serial_number"));
        refused(call(HttpMethod.DELETE, "/api/v2/units/" + parent + "/children", org.adminKey, null), 400);
        refused(put("/api/v2/units/" + parent + "/children", org.stationKey, child(theirs)), 403);
    }

    /** Last: the processor stops, and an edit it cannot apply in time is a 503 to retry, applied once it is back. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anEditNotAppliedInTimeIsServiceUnavailableWithRetryAfter() {
        String serial = serial();
        SeededRun.in(org.tenant).serial(serial).store();
        processor.close();

        ErrorBody answer = refused(patch("/api/v2/units/" + serial, org.adminKey, "{\"revision_number\":\"Z\"}")
                .expectHeader().exists("Retry-After"), 503);

        assertThat(answer.message()).contains("will be applied in order");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static String serial() {
        return "Edit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private UUID storedUpload(String name) {
        Uploads.V2Upload upload = Uploads.initializedV2(http, org.memberKey, name);
        Uploads.put(http, upload.uploadUrl(), "bytes".getBytes(StandardCharsets.UTF_8), "image/png")
                .expectStatus().isOk();
        Uploads.finalizeV2(http, org.memberKey, upload.uploadId()).expectStatus().isOk();
        return upload.uploadId();
    }

    private static String child(String serial) {
        return "{\"child_serial_number\":\"" + serial + "\"}";
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String path, String key, String body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path).headers(headers -> headers.setBearerAuth(key));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String path, String key, String body) {
        return call(HttpMethod.PATCH, path, key, body);
    }

    private WebTestClient.ResponseSpec put(String path, String key, String body) {
        return call(HttpMethod.PUT, path, key, body);
    }

    private static JsonNode ok(WebTestClient.ResponseSpec response, ClientShape.Model model) {
        String body = response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode answer = JSON.readTree(body);
        assertThat(model.problems(answer)).as(body).isEmpty();
        return answer;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.stringValue()));
        return values;
    }

    private static long count(String sql, UUID... ids) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE, TestDatabase.USER, TestDatabase.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("ANY(?)")) {
                statement.setArray(1, connection.createArrayOf("uuid", ids));
            } else {
                statement.setObject(1, ids[0]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String unitText(String sql, UUID id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE, TestDatabase.USER, TestDatabase.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
