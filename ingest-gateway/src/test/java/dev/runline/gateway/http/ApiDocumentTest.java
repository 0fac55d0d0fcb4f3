package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document is served and describes the create-run and status routes and the error body. */
class ApiDocumentTest extends GatewayIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private Map<String, Object> document() {
        String text = http.get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return new Yaml().load(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentDescribesBothRoutes() {
        Map<String, Object> document = document();
        assertThat(document).containsEntry("openapi", "3.1.0");
        assertThat((Map<String, Object>) document.get("paths")).containsKeys("/api/v1/runs", "/api/v2/runs");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat(schemas).containsKeys("V1Run", "V2Run", "Error", "Measurement", "Validator", "Step");
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentDescribesTheStatusRouteAndIdempotencyConflicts() {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");

        for (String read : new String[] {"/api/v2/runs/{id}/status", "/api/v2/runs/{id}"}) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(read)).get("get");
            assertThat((Map<String, Object>) get.get("responses")).containsKeys("200", "400", "401", "404");
        }
        for (String create : new String[] {"/api/v1/runs", "/api/v2/runs"}) {
            Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) paths.get(create)).get("post");
            assertThat((Map<String, Object>) post.get("responses")).containsKey("409");
        }
    }

    /** Every {@code /api} route the gateway serves is in the document, and the document lists no other. */
    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentDescribesEveryRouteServed() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().forEach(method ->
                info.getPatternsCondition().getPatterns().stream()
                        .map(pattern -> pattern.getPatternString())
                        .filter(pattern -> pattern.startsWith("/api/"))
                        .forEach(pattern -> served.add(method.name() + " " + pattern))));
        Set<String> documented = new TreeSet<>();
        ((Map<String, Object>) document().get("paths")).forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(key -> !key.equals("parameters"))
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));

        assertThat(documented).isEqualTo(served);
    }
}
