package dev.runline.gateway.provision;

import dev.runline.gateway.attachment.ObjectStore;
import dev.runline.gateway.attachment.Upload;
import dev.runline.gateway.attachment.UploadSigner;
import dev.runline.gateway.testing.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Uploads seeded as the gateway would have recorded them (row and file in the store), for route tests that are
 * about who may do what rather than about uploading; and the gateway's signed file URLs for them.
 */
final class FileFixtures {

    /** A record an import of the tenant's FVT1 procedure accepts (its station is linked to it). */
    static final String RECORD = """
            {"dut_id": "SN-IMPORT-%s", "outcome": "PASS", "start_time_millis": 1796309272758,
             "end_time_millis": 1796309272763, "metadata": {"procedure_id": "FVT1", "part_number": "PCB-100"},
             "phases": [], "log_records": []}
            """;

    private final ObjectStore store;
    private final UploadSigner signer = new UploadSigner(Base64.getDecoder().decode(GatewayIntegrationTest.SIGNING_KEY));

    FileFixtures(ObjectStore store) {
        this.store = store;
    }

    /** An upload holding its file, not linked to a run. */
    UUID storedUpload(KeyedTenant owner, String name, byte[] bytes, String contentType) {
        UUID id = UUID.randomUUID();
        String key = Upload.objectKey(owner.tenant.organizationId, id);
        store.put(key, bytes, contentType);
        owner.tenant.execute("""
                INSERT INTO uploads (id, organization_id, api_key_id, name, object_key, state, size, content_type, stored_at)
                VALUES (?, ?, ?, ?, ?, 'stored', ?, ?, now())
                """, id, owner.tenant.organizationId, owner.spareKey(), name, key, (long) bytes.length, contentType);
        return id;
    }

    UUID storedUpload(KeyedTenant owner) {
        return storedUpload(owner, "scope.csv", "t,v\n0,1\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    UUID storedRecord(KeyedTenant owner) {
        return storedUpload(owner, "record.json",
                RECORD.formatted(UUID.randomUUID().toString().substring(0, 8)).getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    /** An upload waiting for its file. */
    UUID initializedUpload(KeyedTenant owner) {
        UUID id = UUID.randomUUID();
        owner.tenant.execute("""
                INSERT INTO uploads (id, organization_id, api_key_id, name, object_key) VALUES (?, ?, ?, 'a.bin', ?)
                """, id, owner.tenant.organizationId, owner.spareKey(), Upload.objectKey(owner.tenant.organizationId, id));
        return id;
    }

    /** The path and query of a file URL signed for {@code organization} (which may not own the upload). */
    String fileUrl(UploadSigner.Purpose purpose, UUID uploadId, UUID organization) {
        Instant expires = Instant.now().plusSeconds(600);
        return "/api/files/" + uploadId + "?organization=" + organization + "&expires=" + expires.getEpochSecond()
                + "&signature=" + signer.sign(purpose, uploadId, organization, expires);
    }
}
