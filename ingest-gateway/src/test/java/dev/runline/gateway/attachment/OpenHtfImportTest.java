package dev.runline.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.openhtf.ImportController;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.Uploads;
import dev.runline.schemas.event.Attachment;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.testing.TestTenant;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/v1/import} as the OpenHTF integration sends it, against the real broker, PostgreSQL and S3
 * server: the run event carries the record as its report and the inlined files by reference, and the files are
 * in the store.
 */
class OpenHtfImportTest extends GatewayIntegrationTest {

    private final TestTenant tenant = tenantWithProcedure("FVT2");
    private final String key = userKey(tenant, tenant.adminId);

    @Autowired
    private ObjectStore store;

    @Test
    void anUploadedRecordBecomesARunWithItsReportAndInlinedAttachments() throws Exception {
        byte[] record = fixture();
        UUID uploadId = uploaded("PCB200-0002.functional_fail.json", record);

        UUID runId = imported(uploadId).expectStatus().isOk()
                .expectBody(ImportController.Imported.class).returnResult().getResponseBody().id();

        RunAccepted event = published(runId).value();
        assertThat(event.getRun().getSerialNumber()).isEqualTo("PCB200-0002");
        assertThat(event.getRun().getClient()).isEqualTo("Python");
        assertThat(event.getRun().getClientVersion()).isEqualTo("2.0.4");
        List<Attachment> attachments = event.getRun().getAttachments();
        assertThat(attachments).extracting(Attachment::getName)
                .containsExactly("PCB200-0002.functional_fail.json", "scope.csv");
        assertThat(attachments.get(0).getIsReport()).isTrue();
        assertThat(attachments.get(0).getUploadId()).isEqualTo(uploadId);
        assertThat(attachments.get(0).getSize()).isEqualTo(record.length);
        assertThat(attachments.get(1).getIsReport()).isFalse();
        assertThat(attachments.get(1).getContentType()).isEqualTo("text/csv");
        assertThat(new String(store.read(attachments.get(1).getObjectKey()), StandardCharsets.UTF_8)).startsWith("t,v\n");
    }

    @Test
    void importingTheSameUploadAgainAnswersTheSameRun() throws Exception {
        UUID uploadId = uploaded("record.json", fixture());

        UUID first = imported(uploadId).expectStatus().isOk()
                .expectBody(ImportController.Imported.class).returnResult().getResponseBody().id();
        UUID second = imported(uploadId).expectStatus().isOk()
                .expectBody(ImportController.Imported.class).returnResult().getResponseBody().id();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aRecordWithoutWhatARunNeedsIsRefusedWithPathsIntoTheRecord() {
        UUID uploadId = uploaded("record.json", """
                {"dut_id": "SN 1", "outcome": "MAYBE", "start_time_millis": 1796309272758, "phases": [], "metadata": {}}
                """.getBytes(StandardCharsets.UTF_8));

        ErrorBody error = refused(imported(uploadId), 400);

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path)
                .contains(List.of("dut_id"), List.of("outcome"), List.of("metadata", "procedure_id"));
        assertThat(error.error().message()).isEqualTo(error.message());
    }

    @Test
    void aFileThatIsNotJsonIsRefused() {
        UUID uploadId = uploaded("scope.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        ErrorBody error = refused(imported(uploadId), 400);

        assertThat(error.message()).contains("not an OpenHTF JSON test record");
    }

    @Test
    void anImporterOtherThanOpenHtfIsRefused() {
        UUID uploadId = uploaded("record.json", "{}".getBytes(StandardCharsets.UTF_8));

        ErrorBody error = refused(post("/api/v1/import", key,
                "{\"upload_id\": \"" + uploadId + "\", \"importer\": \"PYTEST\"}"), 400);

        assertThat(error.issues().getFirst().path()).containsExactly("importer");
    }

    @Test
    void anUploadOfAnotherOrganizationCannotBeImported() throws Exception {
        TestTenant stranger = TestTenant.create(DATABASE);
        String strangerKey = userKey(stranger, stranger.adminId);
        Uploads.V1Upload theirs = Uploads.initializedV1(http, strangerKey, "record.json");
        Uploads.put(http, theirs.uploadUrl(), fixture(), "application/json").expectStatus().isOk();

        refused(imported(theirs.uploadId()), 404);
    }

    @Test
    void anUploadNotYetPutCannotBeImported() {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "record.json");

        refused(imported(upload.uploadId()), 400);
    }

    /**
     * Records broken at random places (keys dropped, values of the wrong type, bytes cut off) through the real
     * route: every answer is a 200 or a 4xx, never a 5xx. Seeded: the failure message names the seed and case.
     */
    @Test
    void randomlyBrokenRecordsAreNeverAServerError() throws Exception {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        byte[] fixture = fixture();
        for (int i = 0; i < 60; i++) {
            tools.jackson.databind.JsonNode record = json.readTree(fixture);
            for (int m = 0; m < 1 + random.nextInt(4); m++) {
                record = RecordMutations.mutate(record, random);
            }
            byte[] bytes = json.writeValueAsBytes(record);
            if (random.nextInt(10) == 0 && bytes.length > 1) {
                bytes = java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
            }
            int status = imported(uploaded("fuzzed.json", bytes)).returnResult(String.class).getStatus().value();
            assertThat(status).as("seed %d case %d: %s", seed, i, new String(bytes, StandardCharsets.UTF_8))
                    .isLessThan(500);
        }
    }

    private WebTestClient.ResponseSpec imported(UUID uploadId) {
        return http.post().uri("/api/v1/import")
                .headers(headers -> headers.setBearerAuth(key))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"upload_id\": \"" + uploadId
                        + "\", \"importer\": \"OPENHTF\", \"client\": \"Python\", \"client_version\": \"2.0.4\"}")
                .exchange();
    }

    private UUID uploaded(String name, byte[] bytes) {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, name);
        Uploads.put(http, upload.uploadUrl(), bytes, "application/json").expectStatus().isOk();
        return upload.uploadId();
    }

    private static TestTenant tenantWithProcedure(String identifier) {
        TestTenant tenant = TestTenant.create(DATABASE);
        tenant.execute("INSERT INTO procedures (id, organization_id, identifier, name) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), tenant.organizationId, identifier, "Procedure " + identifier);
        return tenant;
    }

    private static byte[] fixture() throws Exception {
        try (InputStream in = OpenHtfImportTest.class.getResourceAsStream("/import/functional-fail.json")) {
            return in.readAllBytes();
        }
    }
}
