package dev.runline.gateway.openhtf;

import dev.runline.gateway.attachment.JsonRequests;
import dev.runline.gateway.auth.ApiKeyAuthenticator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/import {"upload_id", "importer": "OPENHTF", "client", "client_version"}}, as the TofuPilot
 * OpenHTF integration sends it after uploading the record: 200 {@code {"id"}} once the run is acknowledged.
 */
@RestController
public class ImportController {

    static final String OPENHTF = "OPENHTF";
    private static final int CLIENT_MAX = 255;

    private final ApiKeyAuthenticator authenticator;
    private final OpenHtfImports imports;
    private final ObjectMapper json;

    public ImportController(ApiKeyAuthenticator authenticator, OpenHtfImports imports, ObjectMapper json) {
        this.authenticator = authenticator;
        this.imports = imports;
        this.json = json;
    }

    public record Imported(UUID id) {}

    @PostMapping(path = {"/api/v1/import", "/v1/import"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Imported> importRecord(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return authenticator.authenticate(authorization).flatMap(caller -> JsonRequests.object(request, json)
                .flatMap(body -> imports.importRecord(caller, importRequest(body))))
                .map(Imported::new);
    }

    private static OpenHtfImports.ImportRequest importRequest(JsonNode body) {
        UUID uploadId = JsonRequests.uuid(body, "upload_id");
        String importer = JsonRequests.optionalString(body, "importer", CLIENT_MAX);
        if (importer == null || !OPENHTF.equalsIgnoreCase(importer)) {
            throw JsonRequests.invalid(List.of("importer"), importer == null ? "is required (OPENHTF)" : "must be OPENHTF");
        }
        return new OpenHtfImports.ImportRequest(uploadId, JsonRequests.optionalString(body, "client", CLIENT_MAX),
                JsonRequests.optionalString(body, "client_version", CLIENT_MAX));
    }
}
