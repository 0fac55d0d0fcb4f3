package dev.runline.gateway.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ErrorBody;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.Uploads;
import dev.runline.schemas.event.AttachmentLinked;
import dev.runline.schemas.testing.TestObjectStore;
import dev.runline.schemas.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code store-urls}, stations PUT straight to the object store's presigned URLs; the gateway then learns
 * size and type from the store when the upload is finalized, synced or imported, and enforces the limit there.
 */
@TestPropertySource(properties = "runline.gateway.uploads.store-urls=true")
class StoreUrlUploadsTest extends GatewayIntegrationTest {

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final String key = userKey(tenant, tenant.adminId);
    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    private ObjectStore store;

    @Test
    void aFilePutToThePresignedUrlOfTheStoreIsLinkedWithItsSizeAndType() throws Exception {
        Uploads.V1Upload upload = Uploads.initializedV1(http, key, "scope.csv");
        byte[] csv = "t,v\n0,1\n".getBytes(StandardCharsets.UTF_8);

        assertThat(upload.uploadUrl()).startsWith(TestObjectStore.endpoint().toString());
        assertThat(put(upload.uploadUrl(), csv, "text/csv")).isEqualTo(200);
        UUID runId = createdRun(key, tenant);
        Uploads.sync(http, key, upload.uploadId(), runId).expectStatus().isOk();

        AttachmentLinked link = linkOf(upload.uploadId());
        assertThat(link.getSize()).isEqualTo(csv.length);
        assertThat(link.getContentType()).isEqualTo("text/csv");
    }

    @Test
    void finalizingBeforeTheFileWasPutIsRefused() {
        Uploads.V2Upload upload = Uploads.initializedV2(http, key, "a.txt");

        ErrorBody error = refused(Uploads.finalizeV2(http, key, upload.uploadId()), 400);

        assertThat(error.message()).contains("has no file yet");
    }

    @Test
    void aFileOverTheLimitIsRefusedAtFinalizeAndDeletedFromTheStore() throws Exception {
        Uploads.V2Upload upload = Uploads.initializedV2(http, key, "big.bin");
        assertThat(put(upload.uploadUrl(), new byte[1024 * 1024 + 1], "application/octet-stream")).isEqualTo(200);

        refused(Uploads.finalizeV2(http, key, upload.uploadId()), 413);

        assertThat(store.head(Upload.objectKey(tenant.organizationId, upload.uploadId()))).isEmpty();
    }

    private int put(String url, byte[] bytes, String contentType) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
