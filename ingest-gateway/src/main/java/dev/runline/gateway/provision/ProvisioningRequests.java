package dev.runline.gateway.provision;

import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.http.RequestBodies;
import dev.runline.gateway.run.JsonFields;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What every provisioning route does first: who calls, may they, and what did they send. */
@Component
public class ProvisioningRequests {

    /** Provisioning bodies are a few fields; anything larger is a mistake or an attack. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final ApiKeyAuthenticator authenticator;
    private final ObjectMapper json;

    public ProvisioningRequests(ApiKeyAuthenticator authenticator, ObjectMapper json) {
        this.authenticator = authenticator;
        this.json = json;
    }

    /**
     * The authenticated caller, if it has the permission (401, 403 otherwise). Callers check this before
     * reading the body or the path, so that a refused key learns nothing about what it sent.
     */
    public Mono<Caller> caller(String authorization, Permission permission) {
        return authenticator.authenticate(authorization).map(caller -> Permissions.require(caller, permission));
    }

    /** The body as a JSON object: 400 when empty, malformed or not an object; 413 over 64 KB. */
    public Mono<JsonNode> body(ServerHttpRequest request) {
        return RequestBodies.read(request, MAX_BODY_BYTES, "The request body is larger than " + MAX_BODY_BYTES + " bytes")
                .map(this::parse);
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "The request body is empty: send a JSON object");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "The request body must be a JSON object");
        }
        JsonFields.requireStorable(tree);
        return tree;
    }
}
