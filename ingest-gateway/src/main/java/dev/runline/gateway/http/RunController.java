package dev.runline.gateway.http;

import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.run.RunIntake;
import dev.runline.schemas.event.ApiVersion;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Run creation (contract §1–2): 200 {@code {"id"}} only after the broker acknowledged the run. */
@RestController
public class RunController {

    private final ApiKeyAuthenticator authenticator;
    private final RunIntake intake;
    private final ObjectMapper json;
    private final int maxBodyBytes;

    public RunController(ApiKeyAuthenticator authenticator, RunIntake intake, ObjectMapper json,
            GatewayProperties properties) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.json = json;
        this.maxBodyBytes = Math.toIntExact(properties.maxBodySize().toBytes());
    }

    public record CreatedRun(UUID id) {}

    @PostMapping(path = {"/api/v2/runs", "/v2/runs"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CreatedRun> createV2(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            ServerHttpRequest request) {
        return create(ApiVersion.V2, authorization, idempotencyKey, request);
    }

    /** The legacy shape (contract §3), normalised into the same event. */
    @PostMapping(path = {"/api/v1/runs", "/v1/runs"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CreatedRun> createV1(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            ServerHttpRequest request) {
        return create(ApiVersion.V1, authorization, idempotencyKey, request);
    }

    private Mono<CreatedRun> create(ApiVersion version, String authorization, String idempotencyKey,
            ServerHttpRequest request) {
        // Authenticate before reading the body: an unauthenticated client learns nothing about validation.
        return authenticator.authenticate(authorization)
                .flatMap(caller -> body(request).flatMap(bytes ->
                        intake.accept(version, caller, parse(bytes), bytes, idempotencyKey)))
                .map(CreatedRun::new);
    }

    /**
     * The body's bytes, read whatever the content type says (stations send JSON; some forget the header)
     * and never more than {@code runline.gateway.max-body-size} of them.
     */
    private Mono<byte[]> body(ServerHttpRequest request) {
        return RequestBodies.read(request, maxBodyBytes,
                "The request body is larger than " + maxBodyBytes + " bytes (runline.gateway.max-body-size)");
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "The request body is empty: send the run as JSON");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage());
        }
    }
}
