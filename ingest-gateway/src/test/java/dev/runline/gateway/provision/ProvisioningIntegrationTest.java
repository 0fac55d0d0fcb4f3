package dev.runline.gateway.provision;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The gateway with helpers for the provisioning routes: any method, a JSON body or none. */
public abstract class ProvisioningIntegrationTest extends GatewayIntegrationTest {

    protected WebTestClient.ResponseSpec call(HttpMethod method, String path, String key, String body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path).headers(headers -> {
            if (key != null) {
                headers.setBearerAuth(key);
            }
        });
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec get(String path, String key) {
        return call(HttpMethod.GET, path, key, null);
    }

    /** The 200 answer's body as JSON. */
    protected JsonNode ok(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected UUID createdId(WebTestClient.ResponseSpec response) {
        return UUID.fromString(ok(response).get("id").stringValue());
    }
}
