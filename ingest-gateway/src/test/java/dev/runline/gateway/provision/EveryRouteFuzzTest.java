package dev.runline.gateway.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.attachment.ObjectStore;
import dev.runline.gateway.auth.Permissions.KeyKind;
import dev.runline.gateway.testing.RunningProcessor;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounded, seeded fuzzing of every API route (the authorization matrix's valid requests, each damaged at one
 * place): a body field replaced by any JSON, strings with NUL and other control characters, unpaired surrogates
 * and overlong text, path segments and query values replaced by such text, an Idempotency-Key with tabs, bytes
 * above 0x7F or thousands of characters. Whatever arrives, the answer is a 4xx or a 2xx, never a 5xx. Re-run a failure with
 * {@code -Drunline.fuzz.seed=<seed>}; widen it with {@code -Drunline.fuzz.route-iterations=}.
 */
class EveryRouteFuzzTest extends ProvisioningIntegrationTest {

    private static final long SEED = Long.getLong("runline.fuzz.seed", 20261204L);
    private static final int ITERATIONS = Integer.getInteger("runline.fuzz.route-iterations", 700);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeyedTenant own = KeyedTenant.create(DATABASE);
    private final KeyedTenant other = KeyedTenant.create(DATABASE);
    private final Random random = new Random(SEED);
    private RunningProcessor processor;

    @LocalServerPort
    private int port;

    @Autowired
    void files(ObjectStore store) {
        ProvisioningAuthorizationMatrixTest.useFiles(store);
    }

    @BeforeAll
    void startProcessor() {
        processor = RunningProcessor.start(broker.getBrokersAsString(), DATABASE);
    }

    @AfterAll
    void stopProcessor() {
        processor.close();
    }

    @Test
    void noRouteAnswersAServerErrorWhateverItIsSent() {
        List<ProvisioningAuthorizationMatrixTest.Row> rows = ProvisioningAuthorizationMatrixTest.rows().stream()
                .filter(row -> row.scope() == ProvisioningAuthorizationMatrixTest.Scope.OWN).toList();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < ITERATIONS; i++) {
            ProvisioningAuthorizationMatrixTest.Row row = rows.get(random.nextInt(rows.size()));
            ProvisioningAuthorizationMatrixTest.Request valid = row.setup().build(own, other);
            String path = valid.path();
            String body = valid.body();
            String idempotencyKey = null;
            String damage;
            switch (random.nextInt(4)) {
                case 0 -> {
                    body = damagedBody(body);
                    damage = "body";
                }
                case 1 -> {
                    path = damagedPathSegment(path);
                    damage = "path";
                }
                case 2 -> {
                    path = damagedQuery(path);
                    damage = "query";
                }
                default -> {
                    idempotencyKey = header();
                    damage = "idempotency-key";
                }
            }
            String key = own.key(row.expected(KeyKind.ADMIN) == 200 ? KeyKind.ADMIN : KeyKind.STATION);
            int status = send(row, path, body, key, idempotencyKey);

            assertThat(status).as("seed %d iteration %d: %s (%s) %s %s", SEED, i, row.route(), damage, path, body)
                    .isBetween(200, 499);
            statuses.merge(status, 1, Integer::sum);
        }
        System.out.printf("event=route_fuzz_done seed=%d iterations=%d answers=%s%n", SEED, ITERATIONS, statuses);
        assertThat(statuses.keySet()).as("the fuzzer reached both sides").contains(200, 400);
    }

    private int send(ProvisioningAuthorizationMatrixTest.Row row, String path, String body, String key,
            String idempotencyKey) {
        // Already encoded as a client sends it: the URI is taken as is, not encoded again.
        URI uri = URI.create(path.startsWith("/") ? "http://localhost:" + port + path : path);
        WebTestClient.RequestBodySpec request = http.method(row.method()).uri(uri)
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                });
        WebTestClient.ResponseSpec response = body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
        return response.returnResult(byte[].class).getStatus().value();
    }

    private String damagedBody(String body) {
        JsonNode tree = body == null ? JSON.createObjectNode() : JSON.readTree(body);
        if (!(tree instanceof ObjectNode object)) {
            return tree.toString();
        }
        List<String> names = new ArrayList<>(object.propertyNames());
        String name = names.isEmpty() || random.nextInt(6) == 0 ? text() : names.get(random.nextInt(names.size()));
        object.set(name, value(2));
        return object.toString();
    }

    /** One segment after {@code /api/v2/} (or {@code /api/}) replaced by text, percent-encoded as a client would. */
    private String damagedPathSegment(String path) {
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        String[] segments = path.substring(0, path.length() - query.length()).split("/");
        int first = segments.length > 3 && segments[2].matches("v\\d") ? 3 : 2;
        if (segments.length <= first) {
            return path;
        }
        int at = first + random.nextInt(segments.length - first);
        segments[at] = URLEncoder.encode(text(), StandardCharsets.UTF_8).replace("+", "%20");
        return String.join("/", segments) + query;
    }

    private String damagedQuery(String path) {
        String name = path.contains("?") && random.nextBoolean()
                ? path.substring(path.indexOf('?') + 1).split("=")[0]
                : pick("ids", "serial_number", "serial_numbers", "child_serial_number", "limit", "cursor", "sort_by",
                        "started_after", "search_query", "outcomes", "procedure_id", text());
        return path + (path.contains("?") ? "&" : "?") + URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(text(), StandardCharsets.UTF_8);
    }

    /**
     * What a header value can carry on the wire (HTTP forbids other controls, and the client refuses to send them):
     * tabs and spaces inside, bytes 0x80–0xFF (read as Latin-1), and length.
     */
    private String header() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(10) == 0 ? 5000 + random.nextInt(5000) : 1 + random.nextInt(20);
        for (int i = length; i > 0; i--) {
            text.append((char) switch (random.nextInt(4)) {
                case 0 -> '\t';
                case 1 -> 0x80 + random.nextInt(0x80);
                case 2 -> ' ';
                default -> 'a' + random.nextInt(26);
            });
        }
        return "k" + text + "k";
    }

    private JsonNode value(int depth) {
        return switch (random.nextInt(depth > 0 ? 11 : 9)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 2 -> JSON.getNodeFactory().numberNode(random.nextLong());
            case 3 -> JSON.getNodeFactory().numberNode(new java.math.BigInteger(200, random));
            case 4, 5 -> JSON.getNodeFactory().stringNode(text());
            case 6 -> JSON.getNodeFactory().stringNode("x".repeat(random.nextInt(100_000)));
            case 7 -> JSON.getNodeFactory().stringNode(pick("", "^(a+)+$", "(x+x+)+y", "9999-12-31T23:59:59Z",
                    "0000-01-01T00:00:00Z", "P3650D", "admin", "viewer", "owner", "a@b.io",
                    "00000000-0000-0000-0000-000000000000"));
            case 8 -> JSON.getNodeFactory().numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 9 -> {
                ArrayNode array = JSON.createArrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.createObjectNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    object.set(text(), value(depth - 1));
                }
                yield object;
            }
        };
    }

    /** Text of every awkward kind: NUL and other controls, an unpaired surrogate, emoji, plain letters. */
    private String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append('\u0000');
                case 2 -> text.append((char) (0xD800 + random.nextInt(0x400)));
                case 3 -> text.appendCodePoint(0x1F600 + random.nextInt(50));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
