package dev.runline.bench.uploads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two ways the scenario uploads a file, both from the same java.net.http client with the same body: through
 * the gateway as a station does (initialize, PUT to the upload URL, finalize), and straight to the S3 server with
 * a presigned PUT. The gateway's upload is a plain HTTP PUT, so a presigned PUT from the same client is the raw
 * equivalent: the only difference is the gateway in between (and its S3 client behind it). The AWS SDK as the
 * baseline would instead also measure another HTTP client and its per-request signing.
 */
final class UploadClients implements AutoCloseable {

    /** Longest wait for one request: a stalled upload is counted as an error, not waited for. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String OCTET_STREAM = "application/octet-stream";

    private final HttpClient http = HttpClient.newBuilder()
            // Stations' clients speak HTTP/1.1; java.net.http would otherwise try an h2c upgrade.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final byte[] file;

    UploadClients(byte[] file) {
        this.file = file;
    }

    /** A presigned PUT to a fresh key, as the gateway stores each upload under a key of its own. */
    UploadLoad.Upload raw(BenchObjectStore store) {
        return sequence -> put(store.presignedPut("raw/" + sequence + ".bin"));
    }

    /** {@code POST /api/v2/attachments}, {@code PUT <upload_url>}, {@code POST .../finalize}: the v2 client's calls. */
    UploadLoad.Upload gateway(String baseUrl, String apiKey) {
        return sequence -> {
            JsonNode created = post(URI.create(baseUrl + "/api/v2/attachments"), apiKey,
                    "{\"name\":\"file-" + sequence + ".bin\"}", "initialize");
            UploadLoad.Put put = put(URI.create(created.get("upload_url").asString()));
            JsonNode finalized = post(URI.create(baseUrl + "/api/v2/attachments/" + created.get("id").asString() + "/finalize"),
                    apiKey, "", "finalize");
            if (finalized.get("url") == null) {
                throw new UploadLoad.Failed("finalize without url");
            }
            return put;
        };
    }

    private UploadLoad.Put put(URI url) throws IOException, InterruptedException, UploadLoad.Failed {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", OCTET_STREAM)
                // Sends Content-Length (the gateway requires it) and the array as is, without a copy.
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file))
                .build();
        long sent = System.nanoTime();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        long answered = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new UploadLoad.Failed("PUT " + response.statusCode());
        }
        return new UploadLoad.Put(sent, answered);
    }

    private JsonNode post(URI url, String apiKey, String body, String what)
            throws IOException, InterruptedException, UploadLoad.Failed {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new UploadLoad.Failed(what + " " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
