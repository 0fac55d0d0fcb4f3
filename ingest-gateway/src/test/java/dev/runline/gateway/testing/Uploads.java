package dev.runline.gateway.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The upload requests exactly as the official clients send them (tofupilot v1 {@code utils/files.py}, the
 * OpenHTF integration, v2 {@code attachments.upload}): JSON bodies written by Python's {@code json.dumps}
 * (a space after each colon and comma), the bearer key on the API routes, none on the upload URL.
 */
public final class Uploads {

    private Uploads() {}

    public record V1Upload(String id, @JsonProperty("uploadUrl") String uploadUrl) {
        public UUID uploadId() {
            return UUID.fromString(id);
        }
    }

    public record V2Upload(String id, @JsonProperty("upload_url") String uploadUrl) {
        public UUID uploadId() {
            return UUID.fromString(id);
        }
    }

    /** v1 {@code upload_file}: {@code POST {url}/api/v1/uploads/initialize} with {@code json.dumps({"name": ...})}. */
    public static WebTestClient.ResponseSpec initializeV1(WebTestClient http, String key, String name) {
        return http.post().uri("/api/v1/uploads/initialize")
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("User-Agent", "python-requests/2.32.3");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + name + "\"}")
                .exchange();
    }

    public static V1Upload initializedV1(WebTestClient http, String key, String name) {
        return initializeV1(http, key, name).expectStatus().isOk().expectBody(V1Upload.class).returnResult().getResponseBody();
    }

    /** v2 {@code attachments.initialize(name=...)}: {@code POST /api/v2/attachments}. */
    public static V2Upload initializedV2(WebTestClient http, String key, String name) {
        return http.post().uri("/api/v2/attachments")
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("Accept", "application/json");
                    headers.set("User-Agent", "speakeasy-sdk/python 2.0.0 2.722.2 0.1.0 tofupilot");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + name + "\"}")
                .exchange()
                .expectStatus().isOk().expectBody(V2Upload.class).returnResult().getResponseBody();
    }

    /** {@code requests.put(upload_url, data=..., headers={"Content-Type": ...})}: no Authorization header. */
    public static WebTestClient.ResponseSpec put(WebTestClient http, String uploadUrl, byte[] bytes, String contentType) {
        WebTestClient.RequestBodySpec request = http.put().uri(URI.create(uploadUrl));
        if (contentType != null) {
            request = request.contentType(MediaType.parseMediaType(contentType));
        }
        return request.bodyValue(bytes).exchange();
    }

    /** v1 {@code notify_server}: {@code POST {url}/api/v1/uploads/sync}. */
    public static WebTestClient.ResponseSpec sync(WebTestClient http, String key, UUID uploadId, UUID runId) {
        return http.post().uri("/api/v1/uploads/sync")
                .headers(headers -> headers.setBearerAuth(key))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"upload_id\": \"" + uploadId + "\", \"run_id\": \"" + runId + "\"}")
                .exchange();
    }

    /** v2 {@code attachments.finalize(id=...)}: no body. */
    public static WebTestClient.ResponseSpec finalizeV2(WebTestClient http, String key, UUID uploadId) {
        return http.post().uri("/api/v2/attachments/{id}/finalize", uploadId)
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("Accept", "application/json");
                })
                .exchange();
    }

    /** v2 {@code runs.update(id=..., attachments=[...])}. */
    public static WebTestClient.ResponseSpec updateRun(WebTestClient http, String key, UUID runId, UUID... uploadIds) {
        StringBuilder ids = new StringBuilder();
        for (UUID id : uploadIds) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        return http.patch().uri("/api/v2/runs/{id}", runId)
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("Accept", "application/json");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"attachments\":[" + ids + "]}")
                .exchange();
    }
}
