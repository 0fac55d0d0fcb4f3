package dev.runline.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.Uploads;
import dev.runline.schemas.event.AttachmentLinked;
import dev.runline.schemas.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both clients' upload flows against the real broker, PostgreSQL and S3 server: the bytes land in the store
 * unchanged, the link reaches the broker, and the files can be downloaded with the URLs handed out.
 */
class UploadFlowsTest extends GatewayIntegrationTest {

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final String key = userKey(tenant, tenant.adminId);

    @Autowired
    private ObjectStore store;

    @Test
    void v1ClientUploadsAFileAndSyncsItToTheRunItJustCreated() {
        UUID runId = createdRun(key, tenant);
        byte[] csv = "t,v\n0,1.5\n1,1.7\n".getBytes(StandardCharsets.UTF_8);

        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "scope.csv");
        Uploads.put(http, upload.uploadUrl(), csv, "text/csv").expectStatus().isOk();
        Uploads.sync(http, key, upload.uploadId(), runId).expectStatus().isOk();

        AttachmentLinked link = linkOf(upload.uploadId());
        assertThat(link.getRunId()).isEqualTo(runId);
        assertThat(link.getOrganizationId()).isEqualTo(tenant.organizationId);
        assertThat(link.getName()).isEqualTo("scope.csv");
        assertThat(link.getSize()).isEqualTo(csv.length);
        assertThat(link.getContentType()).isEqualTo("text/csv");
        assertThat(store.read(link.getObjectKey())).isEqualTo(csv);
    }

    @Test
    void v2ClientUploadsFinalizesDownloadsAndLinksAFile() {
        UUID runId = createdRun(key, tenant);
        byte[] image = randomBytes(300_000);

        Uploads.V2Upload upload = Uploads.initializedV2(http, key, "scope.png");
        Uploads.put(http, upload.uploadUrl(), image, "image/png").expectStatus().isEqualTo(200);
        UploadController.Finalized finalized = Uploads.finalizeV2(http, key, upload.uploadId())
                .expectStatus().isOk().expectBody(UploadController.Finalized.class).returnResult().getResponseBody();
        byte[] downloaded = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024)).build().get().uri(java.net.URI.create(finalized.url())).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        UploadController.Updated updated = Uploads.updateRun(http, key, runId, upload.uploadId())
                .expectStatus().isOk().expectBody(UploadController.Updated.class).returnResult().getResponseBody();

        assertThat(downloaded).isEqualTo(image);
        assertThat(updated.id()).isEqualTo(runId);
        assertThat(linkOf(upload.uploadId()).getSize()).isEqualTo(image.length);
    }

    @Test
    void fileWithoutContentTypeIsStoredAsOctetStream() {
        // The v1 client sends no Content-Type when Python's mimetypes does not know the extension.
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "dump.bin42");
        Uploads.put(http, upload.uploadUrl(), new byte[] {1, 2, 3}, null).expectStatus().isOk();
        UUID runId = createdRun(key, tenant);

        Uploads.sync(http, key, upload.uploadId(), runId).expectStatus().isOk();

        assertThat(linkOf(upload.uploadId()).getContentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void linkingTheSameUploadTwiceToItsRunIsAccepted() {
        UUID runId = createdRun(key, tenant);
        Uploads.V1Upload upload = uploaded("log.txt", "hello");

        Uploads.sync(http, key, upload.uploadId(), runId).expectStatus().isOk();
        Uploads.sync(http, key, upload.uploadId(), runId).expectStatus().isOk();

        assertThat(linkOf(upload.uploadId()).getRunId()).isEqualTo(runId);
    }

    @Test
    void anUploadLinkedToOneRunCannotBeLinkedToAnother() {
        Uploads.V1Upload upload = uploaded("log.txt", "hello");
        Uploads.sync(http, key, upload.uploadId(), createdRun(key, tenant)).expectStatus().isOk();

        ErrorBody error = refused(Uploads.sync(http, key, upload.uploadId(), createdRun(key, tenant)), 409);

        assertThat(error.message()).contains("already linked");
    }

    @Test
    void syncingToARunAcceptedButNotStoredYetWorks() {
        // The gateway tests run no processor: every run created here stays in flight.
        UUID runId = createdRun(key, tenant);
        Uploads.V1Upload upload = uploaded("report.pdf", "%PDF-1.7");

        Uploads.sync(http, key, upload.uploadId(), runId).expectStatus().isOk();
    }

    private Uploads.V1Upload uploaded(String name, String content) {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, name);
        Uploads.put(http, upload.uploadUrl(), content.getBytes(StandardCharsets.UTF_8), "text/plain").expectStatus().isOk();
        return upload;
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
