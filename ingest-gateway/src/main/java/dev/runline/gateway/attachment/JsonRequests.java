package dev.runline.gateway.attachment;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.http.RequestBodies;
import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import java.util.List;
import java.util.UUID;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.NullNode;

/** The small JSON bodies of the upload routes: read bounded, fields checked with their paths. */
public final class JsonRequests {

    /** Upload and link requests are a few ids and a name. */
    private static final int MAX_BYTES = 64 * 1024;

    private JsonRequests() {}

    /** The body as a JSON object; an empty body is an empty object (v2 finalize sends none). */
    public static Mono<JsonNode> object(ServerHttpRequest request, ObjectMapper json) {
        return RequestBodies.read(request, MAX_BYTES, "The request body is larger than " + MAX_BYTES + " bytes")
                .map(bytes -> {
                    if (bytes.length == 0) {
                        return json.createObjectNode();
                    }
                    JsonNode node;
                    try {
                        node = json.readTree(bytes);
                    } catch (JacksonException e) {
                        throw new ApiException(ErrorCode.BAD_REQUEST, "Malformed JSON: " + e.getOriginalMessage());
                    }
                    if (node == null || !node.isObject()) {
                        throw invalid(List.of(), "must be a JSON object");
                    }
                    JsonFields.requireStorable(node);
                    return node;
                });
    }

    public static UUID uuid(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value instanceof NullNode) {
            throw invalid(List.of(field), "is required");
        }
        return uuid(value, List.of(field));
    }

    public static UUID uuid(JsonNode value, List<Object> path) {
        if (!value.isString()) {
            throw invalid(path, "must be a uuid string");
        }
        return uuid(value.asString(), path);
    }

    public static UUID uuid(String text, List<Object> path) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw invalid(path, "must be a uuid");
    }

    /** An optional string of at most {@code max} characters without control characters; null when absent. */
    public static String optionalString(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value instanceof NullNode) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(List.of(field), "must be a string");
        }
        String text = value.asString();
        if (text.length() > max) {
            throw invalid(List.of(field), "must have at most " + max + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw invalid(List.of(field), "must not contain control characters");
        }
        return text;
    }

    public static ApiException invalid(List<Object> path, String problem) {
        Issue issue = new Issue(path, problem);
        return new ApiException(ErrorCode.BAD_REQUEST, "Invalid request: " + issue.describe(), List.of(issue), null);
    }
}
