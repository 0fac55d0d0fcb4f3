package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document is served and describes both create-run routes and the error body. */
class ApiDocumentTest extends GatewayIntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentDescribesBothRoutes() {
        String text = http.get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        Map<String, Object> document = new Yaml().load(text);
        assertThat(document).containsEntry("openapi", "3.1.0");
        assertThat((Map<String, Object>) document.get("paths")).containsKeys("/api/v1/runs", "/api/v2/runs");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat(schemas).containsKeys("V1Run", "V2Run", "Error", "Measurement", "Validator", "Step");
    }
}
