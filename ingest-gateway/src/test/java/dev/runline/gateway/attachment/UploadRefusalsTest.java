package dev.runline.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.run.RunIds;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.Uploads;
import dev.runline.schemas.testing.TestTenant;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;

/**
 * Every way an upload or a link can go wrong gets a clear 4xx, and leaves nothing half-done: the upload
 * can still be sent or linked properly afterwards.
 */
class UploadRefusalsTest extends GatewayIntegrationTest {

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final String key = userKey(tenant, tenant.adminId);
    private final TestTenant stranger = TestTenant.create(DATABASE);
    private final String strangerKey = userKey(stranger, stranger.adminId);

    @Autowired
    private ObjectStore store;

    @Autowired
    private UnlinkedUploadCleaner cleaner;

    @Autowired
    private Jdbi jdbi;

    @Test
    void anAlteredUploadUrlIsRefused() {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "a.txt");
        int at = upload.uploadUrl().indexOf("signature=") + "signature=".length();
        char first = upload.uploadUrl().charAt(at);
        String altered = upload.uploadUrl().substring(0, at) + (first == '0' ? '1' : '0') + upload.uploadUrl().substring(at + 1);

        ErrorBody error = refused(Uploads.put(http, altered, bytes("x"), "text/plain"), 403);

        assertThat(error.message()).contains("not valid");
    }

    @Test
    void anUploadUrlOfAnotherUploadIsRefused() {
        Uploads.V1Upload mine = Uploads.initializedV1(http, key, "a.txt");
        Uploads.V1Upload other = Uploads.initializedV1(http, key, "b.txt");
        String swapped = mine.uploadUrl().replace(mine.id(), other.id());

        refused(Uploads.put(http, swapped, bytes("x"), "text/plain"), 403);
    }

    @Test
    void anExpiredUploadUrlIsRefused() {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "a.txt");
        Instant past = Instant.now().minusSeconds(60);
        UploadSigner signer = new UploadSigner(Base64.getDecoder().decode(SIGNING_KEY));
        String expired = UriComponentsBuilder.fromUriString(upload.uploadUrl())
                .replaceQueryParam("expires", past.getEpochSecond())
                .replaceQueryParam("signature", signer.sign(UploadSigner.Purpose.PUT, upload.uploadId(),
                        tenant.organizationId, past))
                .build(true).toUriString();

        ErrorBody error = refused(Uploads.put(http, expired, bytes("x"), "text/plain"), 403);

        assertThat(error.message()).contains("expired");
    }

    @Test
    void anUploadUrlTakesOneFileOnce() {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "a.txt");
        Uploads.put(http, upload.uploadUrl(), bytes("first"), "text/plain").expectStatus().isOk();

        ErrorBody error = refused(Uploads.put(http, upload.uploadUrl(), bytes("second"), "text/plain"), 409);

        assertThat(error.message()).contains("already holds its file");
        assertThat(store.read(Upload.objectKey(tenant.organizationId, upload.uploadId()))).isEqualTo(bytes("first"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndTheUploadCanStillTakeASmallerOne() {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "big.bin");

        ErrorBody error = refused(Uploads.put(http, upload.uploadUrl(), new byte[1024 * 1024 + 1], null), 413);

        assertThat(error.message()).contains("max-file-size");
        Uploads.put(http, upload.uploadUrl(), new byte[1024], null).expectStatus().isOk();
    }

    @Test
    void aPutWithoutContentLengthIsRefused() {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "a.txt");

        ErrorBody error = refused(http.put().uri(URI.create(upload.uploadUrl()))
                .body(Flux.just(bytes("chunk one "), bytes("chunk two")), byte[].class).exchange(), 400);

        assertThat(error.message()).contains("Content-Length");
    }

    @Test
    void aPutThatStallsIsAbandonedAndTheFileCanBeSentAgain() throws Exception {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "slow.bin");
        URI url = URI.create(upload.uploadUrl());

        String answer;
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: " + url.getAuthority()
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n0123456789")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // ...and never the other 990 bytes: the gateway's idle timeout (1 s here) ends the upload.
            InputStream in = socket.getInputStream();
            answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }

        assertThat(answer).isEqualTo("HTTP/1.1 400");
        assertThat(stateOf(upload.uploadId())).isEqualTo(Upload.INITIALIZED);
        Uploads.put(http, upload.uploadUrl(), new byte[1000], null).expectStatus().isOk();
        assertThat(stateOf(upload.uploadId())).isEqualTo(Upload.STORED);
    }

    @Test
    void syncingAnUploadWithoutItsFileIsRefused() {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "a.txt");

        ErrorBody error = refused(Uploads.sync(http, key, upload.uploadId(), createdRun(key, tenant)), 400);

        assertThat(error.message()).contains("has no file yet");
        assertThat(error.error().message()).isEqualTo(error.message());
    }

    @Test
    void anUploadOfAnotherOrganizationIsNotFound() {
        Uploads.V1Upload theirs = uploaded(strangerKey, "theirs.txt");

        refused(Uploads.sync(http, key, theirs.uploadId(), createdRun(key, tenant)), 404);
        refused(Uploads.finalizeV2(http, key, theirs.uploadId()), 404);
        refused(http.get().uri("/api/v2/attachments/{id}/download", theirs.uploadId())
                .headers(headers -> headers.setBearerAuth(key)).exchange(), 404);
        refused(http.get().uri("/api/v2/attachments/{id}", theirs.uploadId())
                .headers(headers -> headers.setBearerAuth(key)).exchange(), 404);
    }

    @Test
    void aRunOfAnotherOrganizationIsNotFound() {
        UUID theirRun = storedRun(stranger);
        Uploads.V1Upload upload = uploaded(key, "a.txt");

        refused(Uploads.sync(http, key, upload.uploadId(), theirRun), 404);

        assertThat(runOf(upload.uploadId())).isEmpty();
    }

    @Test
    void aRunIdNeverIssuedIsNotFound() {
        Uploads.V1Upload upload = uploaded(key, "a.txt");

        refused(Uploads.sync(http, key, upload.uploadId(), UUID.randomUUID()), 404);
        UUID longAgo = UUID.fromString("00000001-0000-7000-8000-000000000000");
        refused(Uploads.updateRun(http, key, longAgo, upload.uploadId()), 404);
    }

    @Test
    void filesOverTheLimitOfARunAreRefusedAndStayFreeToLink() {
        UUID runId = createdRun(key, tenant);
        for (int i = 0; i < 3; i++) {
            Uploads.sync(http, key, uploaded(key, "file-" + i + ".txt").uploadId(), runId).expectStatus().isOk();
        }
        Uploads.V1Upload fourth = uploaded(key, "file-3.txt");

        ErrorBody error = refused(Uploads.sync(http, key, fourth.uploadId(), runId), 400);

        assertThat(error.message()).contains("max-files-per-run");
        assertThat(runOf(fourth.uploadId())).isEmpty();
        Uploads.sync(http, key, fourth.uploadId(), createdRun(key, tenant)).expectStatus().isOk();
    }

    @Test
    void aViewerMayNotUpload() {
        String viewerKey = userKey(tenant, tenant.viewerId);

        refused(Uploads.initializeV1(http, viewerKey, "a.txt"), 403);
    }

    @Test
    void anUploadNeedsAName() {
        ErrorBody error = refused(post("/api/v1/uploads/initialize", key, "{\"name\": \"\"}"), 400);

        assertThat(error.issues().getFirst().path()).containsExactly("name");
    }

    @Test
    void aDownloadUrlDoesNotUpload() {
        Uploads.V2Upload upload = Uploads.initializedV2(http, key, "a.txt");
        Uploads.put(http, upload.uploadUrl(), bytes("x"), "text/plain").expectStatus().isOk();
        String downloadUrl = Uploads.finalizeV2(http, key, upload.uploadId()).expectStatus().isOk()
                .expectBody(UploadController.Finalized.class).returnResult().getResponseBody().url();

        refused(Uploads.put(http, downloadUrl, bytes("y"), "text/plain"), 403);
    }

    @Test
    void unlinkedUploadsCanBeDeletedButLinkedOnesCannot() {
        Uploads.V1Upload unlinked = uploaded(key, "a.txt");
        Uploads.V1Upload linked = uploaded(key, "b.txt");
        Uploads.sync(http, key, linked.uploadId(), createdRun(key, tenant)).expectStatus().isOk();

        refused(delete(key, linked.uploadId()), 409);
        refused(delete(strangerKey, unlinked.uploadId()), 404);
        UploadController.Deleted deleted = delete(key, unlinked.uploadId()).expectStatus().isOk()
                .expectBody(UploadController.Deleted.class).returnResult().getResponseBody();

        assertThat(deleted.id()).containsExactly(unlinked.uploadId());
        assertThat(store.head(Upload.objectKey(tenant.organizationId, unlinked.uploadId()))).isEmpty();
        assertThat(store.head(Upload.objectKey(tenant.organizationId, linked.uploadId()))).isPresent();
    }

    @Test
    void unlinkedUploadsPastTheRetentionAreCleanedUpWithTheirFiles() {
        Uploads.V1Upload old = uploaded(key, "old.txt");
        Uploads.V1Upload oldButLinked = uploaded(key, "kept.txt");
        Uploads.sync(http, key, oldButLinked.uploadId(), createdRun(key, tenant)).expectStatus().isOk();
        Uploads.V1Upload recent = uploaded(key, "recent.txt");
        tenant.execute("UPDATE uploads SET created_at = now() - interval '2 days' WHERE id IN (?, ?)",
                old.uploadId(), oldButLinked.uploadId());

        cleaner.cleanUp();

        assertThat(stateOf(old.uploadId())).isNull();
        assertThat(store.head(Upload.objectKey(tenant.organizationId, old.uploadId()))).isEmpty();
        assertThat(stateOf(oldButLinked.uploadId())).isEqualTo(Upload.STORED);
        assertThat(stateOf(recent.uploadId())).isEqualTo(Upload.STORED);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec delete(String key, UUID id) {
        return http.delete().uri("/api/v2/attachments?ids={id}", id).headers(headers -> headers.setBearerAuth(key)).exchange();
    }

    private Uploads.V1Upload uploaded(String key, String name) {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, name);
        Uploads.put(http, upload.uploadUrl(), bytes(name), "text/plain").expectStatus().isOk();
        return upload;
    }

    private String stateOf(UUID uploadId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT state FROM uploads WHERE id = :id")
                .bind("id", uploadId).mapTo(String.class).findOne().orElse(null));
    }

    private Optional<UUID> runOf(UUID uploadId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT run_id FROM uploads WHERE id = :id")
                .bind("id", uploadId).mapTo(UUID.class).findOne());
    }

    /** A run stored in another organization, seeded as the processor would have written it. */
    private UUID storedRun(TestTenant owner) {
        UUID keyId = owner.addKey(owner.adminId, null, dev.runline.gateway.auth.ApiKeySecrets.generate().sha256(), null, null);
        UUID part = UUID.randomUUID();
        UUID revision = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID run = RunIds.next();
        owner.execute("INSERT INTO parts (id, organization_id, number) VALUES (?, ?, ?)", part, owner.organizationId, "P-" + part);
        owner.execute("INSERT INTO revisions (id, part_id, number) VALUES (?, ?, 'A')", revision, part);
        owner.execute("INSERT INTO units (id, organization_id, serial_number, revision_id) VALUES (?, ?, ?, ?)",
                unit, owner.organizationId, "SN-" + unit, revision);
        owner.execute("""
                INSERT INTO runs (id, organization_id, procedure_id, unit_id, outcome, started_at, ended_at, api_key_id,
                                  api_version, received_at)
                VALUES (?, ?, ?, ?, 'PASS', now(), now(), ?, 'V2', now())
                """, run, owner.organizationId, owner.procedureId, unit, keyId);
        return run;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
