package dev.runline.gateway.attachment;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runline.gateway.auth.ApiKeyAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The upload routes of both clients (contract §9): v1 initialize and sync; v2 attachments, finalize, delete
 * and {@code PATCH /runs/{id}}. The bytes never come here: they go to the upload URL ({@link FileController}).
 */
@RestController
public class UploadController {

    private final ApiKeyAuthenticator authenticator;
    private final UploadService uploads;
    private final AttachmentLinker linker;
    private final UploadUrls urls;
    private final ObjectMapper json;

    public UploadController(ApiKeyAuthenticator authenticator, UploadService uploads, AttachmentLinker linker,
            UploadUrls urls, ObjectMapper json) {
        this.authenticator = authenticator;
        this.uploads = uploads;
        this.linker = linker;
        this.urls = urls;
        this.json = json;
    }

    /** The v1 client reads {@code uploadUrl}, in camel case. */
    public record V1Upload(String id, @JsonProperty("uploadUrl") String uploadUrl) {}

    public record V2Upload(String id, @JsonProperty("upload_url") String uploadUrl) {}

    public record Finalized(String url) {}

    public record Deleted(List<UUID> id) {}

    public record Synced(UUID id, @JsonProperty("run_id") UUID runId) {}

    public record Updated(UUID id) {}

    @PostMapping(path = {"/api/v1/uploads/initialize", "/v1/uploads/initialize"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<V1Upload> initializeV1(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return initialize(authorization, request).map(upload -> new V1Upload(upload.id().toString(),
                urls.uploadUrl(upload, request.getURI()).toString()));
    }

    @PostMapping(path = {"/api/v2/attachments", "/v2/attachments"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<V2Upload> initializeV2(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return initialize(authorization, request).map(upload -> new V2Upload(upload.id().toString(),
                urls.uploadUrl(upload, request.getURI()).toString()));
    }

    private Mono<Upload> initialize(String authorization, ServerHttpRequest request) {
        return authenticator.authenticate(authorization).flatMap(caller -> JsonRequests.object(request, json)
                .flatMap(body -> uploads.initialize(caller, JsonRequests.optionalString(body, "name", Integer.MAX_VALUE))));
    }

    @PostMapping(path = {"/api/v2/attachments/{id}/finalize", "/v2/attachments/{id}/finalize"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Finalized> finalizeUpload(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id, ServerHttpRequest request) {
        return authenticator.authenticate(authorization).flatMap(caller ->
                uploads.finalizeUpload(caller, JsonRequests.uuid(id, List.of("id")))
                        .map(upload -> new Finalized(urls.downloadUrl(upload.id(), upload.organizationId(),
                                upload.objectKey(), upload.name(), request.getURI()).toString())));
    }

    /** The v2 client sends the ids as a repeated query parameter ({@code ?ids=a&ids=b}). */
    @DeleteMapping(path = {"/api/v2/attachments", "/v2/attachments"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Deleted> delete(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "ids", required = false) List<String> ids) {
        return authenticator.authenticate(authorization).flatMap(caller -> {
            List<UUID> parsed = new ArrayList<>();
            List<String> given = ids == null ? List.of() : ids;
            for (int i = 0; i < given.size(); i++) {
                parsed.add(JsonRequests.uuid(given.get(i), List.of("ids", i)));
            }
            return uploads.deleteUnlinked(caller, parsed).map(Deleted::new);
        });
    }

    @PostMapping(path = {"/api/v1/uploads/sync", "/v1/uploads/sync"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Synced> sync(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return authenticator.authenticate(authorization).flatMap(caller -> JsonRequests.object(request, json)
                .flatMap(body -> {
                    UUID uploadId = JsonRequests.uuid(body, "upload_id");
                    UUID runId = JsonRequests.uuid(body, "run_id");
                    return linker.link(caller, uploadId, runId).thenReturn(new Synced(uploadId, runId));
                }));
    }

    /** v2 {@code runs.update}: links the uploads named, in order; linking one again is harmless. */
    @PatchMapping(path = {"/api/v2/runs/{id}", "/v2/runs/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Updated> updateRun(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id, ServerHttpRequest request) {
        return authenticator.authenticate(authorization).flatMap(caller -> JsonRequests.object(request, json)
                .flatMap(body -> {
                    UUID runId = JsonRequests.uuid(id, List.of("id"));
                    List<UUID> attachments = attachmentIds(body);
                    return Flux.fromIterable(attachments)
                            .concatMap(uploadId -> linker.link(caller, uploadId, runId))
                            .then(Mono.just(new Updated(runId)));
                }));
    }

    private static List<UUID> attachmentIds(JsonNode body) {
        JsonNode attachments = body.get("attachments");
        if (attachments == null || attachments.isNull()) {
            return List.of();
        }
        if (!attachments.isArray()) {
            throw JsonRequests.invalid(List.of("attachments"), "must be an array of upload ids");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            ids.add(JsonRequests.uuid(attachments.get(i), List.of("attachments", i)));
        }
        return ids;
    }
}
