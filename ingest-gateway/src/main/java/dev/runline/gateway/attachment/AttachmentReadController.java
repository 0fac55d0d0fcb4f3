package dev.runline.gateway.attachment;

import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading attachments with an API key: a run's list, one attachment, its bytes. Any key that may read runs
 * may read their files; another organization's are unknown (404), as everything else of it.
 */
@RestController
public class AttachmentReadController {

    private final ApiKeyAuthenticator authenticator;
    private final AttachmentDao attachments;
    private final UploadDao uploadRows;
    private final UploadService uploads;
    private final UploadUrls urls;
    private final ObjectStore store;

    public AttachmentReadController(ApiKeyAuthenticator authenticator, Jdbi jdbi, UploadService uploads,
            UploadUrls urls, ObjectStore store) {
        this.authenticator = authenticator;
        this.attachments = jdbi.onDemand(AttachmentDao.class);
        this.uploadRows = jdbi.onDemand(UploadDao.class);
        this.uploads = uploads;
        this.urls = urls;
        this.store = store;
    }

    @GetMapping(path = {"/api/v2/runs/{id}/attachments", "/v2/runs/{id}/attachments"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<AttachmentView>> ofRun(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id, ServerHttpRequest request) {
        return reader(authorization).flatMap(caller -> {
            UUID runId = JsonRequests.uuid(id, List.of("id"));
            return Blocking.call(() -> {
                List<StoredAttachment> found = attachments.ofRun(caller.organizationId(), runId);
                if (found.isEmpty() && !attachments.runExists(caller.organizationId(), runId)) {
                    throw new ApiException(ErrorCode.NOT_FOUND, "No run " + runId + " in this organization");
                }
                return found.stream().map(attachment -> view(attachment, request.getURI())).toList();
            });
        });
    }

    /** One attachment, or an upload not linked yet (then {@code is_report} is false and {@code run_id} null). */
    @GetMapping(path = {"/api/v2/attachments/{id}", "/v2/attachments/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AttachmentView> one(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id, ServerHttpRequest request) {
        return reader(authorization).flatMap(caller -> {
            UUID uploadId = JsonRequests.uuid(id, List.of("id"));
            return Blocking.call(() -> attachments.find(caller.organizationId(), uploadId)
                    .map(attachment -> view(attachment, request.getURI()))
                    .orElseGet(() -> {
                        Upload upload = uploadRows.find(caller.organizationId(), uploadId)
                                .orElseThrow(() -> UploadService.notFound(uploadId));
                        String download = upload.isStored() ? urls.downloadUrl(upload.id(), upload.organizationId(),
                                upload.objectKey(), upload.name(), request.getURI()).toString() : null;
                        return new AttachmentView(upload.id(), upload.name(), upload.size(), upload.contentType(),
                                false, download, upload.runId());
                    }));
        });
    }

    @GetMapping(path = {"/api/v2/attachments/{id}/download", "/v2/attachments/{id}/download"})
    public Mono<ResponseEntity<Flux<DataBuffer>>> download(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id) {
        return reader(authorization).flatMap(caller -> {
            UUID uploadId = JsonRequests.uuid(id, List.of("id"));
            return Blocking.call(() -> uploads.stored(uploadRows.find(caller.organizationId(), uploadId)
                            .orElseThrow(() -> UploadService.notFound(uploadId))))
                    .map(upload -> FileController.download(store, upload.objectKey(), upload.name(),
                            upload.contentType(), upload.size()));
        });
    }

    private Mono<Caller> reader(String authorization) {
        return authenticator.authenticate(authorization)
                .map(caller -> Permissions.require(caller, Permission.READ_RUN_STATUS));
    }

    private AttachmentView view(StoredAttachment attachment, URI requestUri) {
        return AttachmentView.of(attachment, urls, requestUri);
    }
}
