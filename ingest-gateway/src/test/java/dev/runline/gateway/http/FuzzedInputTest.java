package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounded, seeded fuzzing of both create-run routes: valid bodies mutated at random places (fields
 * removed, values replaced by random JSON of any type, arrays blown up, text cut or corrupted) and
 * random documents. Whatever arrives, the answer is never a 5xx, and only runs answered 200 reach the
 * topic. Each request carries an Idempotency-Key naming its iteration, which travels with the event.
 * Re-run a failure with {@code -Drunline.fuzz.seed=<seed>}; widen it with {@code -Drunline.fuzz.iterations=}.
 */
class FuzzedInputTest extends GatewayIntegrationTest {

    private static final long SEED = Long.getLong("runline.fuzz.seed", 20261123L);
    private static final int ITERATIONS = Integer.getInteger("runline.fuzz.iterations", 1500);
    private static final Set<Integer> ANSWERS = Set.of(200, 400, 404, 413, 422);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final String key = userKey(tenant, tenant.adminId);
    private final Random random = new Random(SEED);

    @Test
    void noInputYieldsAServerErrorOrReachesTheTopicUnaccepted() {
        Set<String> accepted = new TreeSet<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < ITERATIONS; i++) {
            boolean v1 = random.nextBoolean();
            String path = (random.nextBoolean() ? "/api" : "") + (v1 ? "/v1/runs" : "/v2/runs");
            byte[] body = body(v1);
            String idempotencyKey = "fuzz-" + SEED + "-" + i;

            int status = http.post().uri(path)
                    .headers(headers -> {
                        headers.setBearerAuth(key);
                        headers.set("Idempotency-Key", idempotencyKey);
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .returnResult(byte[].class).getStatus().value();

            assertThat(status).as("seed %d iteration %d: %s %s", SEED, i, path, new String(body, StandardCharsets.UTF_8))
                    .isIn(ANSWERS);
            statuses.merge(status, 1, Integer::sum);
            if (status == 200) {
                accepted.add(idempotencyKey);
            }
        }

        System.out.printf("event=fuzz_done seed=%d iterations=%d answers=%s%n", SEED, ITERATIONS, statuses);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fuzzedOnTopic().size() >= accepted.size());
        assertThat(fuzzedOnTopic()).as("runs on the topic, answered %s", statuses).isEqualTo(accepted);
        assertThat(statuses.keySet()).as("the fuzzer reached both sides").contains(200, 400);
    }

    private Set<String> fuzzedOnTopic() {
        return drain(Duration.ofMillis(300)).values().stream()
                .map(record -> record.value().getIdempotencyKey())
                .filter(k -> k != null && k.startsWith("fuzz-" + SEED + "-"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private byte[] body(boolean v1) {
        JsonNode valid = (v1 ? RunBody.v1("FVT1", tenant.adminEmail) : RunBody.v2(tenant.procedureId)).tree();
        return switch (random.nextInt(10)) {
            case 0 -> randomValue(3).toString().getBytes(StandardCharsets.UTF_8);
            case 1 -> corrupt(valid.toString());
            case 2 -> valid.toString().getBytes(StandardCharsets.UTF_8);
            default -> {
                JsonNode mutated = valid.deepCopy();
                int mutations = 1 + random.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    mutate(mutated);
                }
                yield mutated.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** Text damage: cut short, a byte replaced, or bytes that are not UTF-8. */
    private byte[] corrupt(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(3)) {
            case 0 -> java.util.Arrays.copyOf(bytes, at);
            case 1 -> {
                bytes[at] = (byte) random.nextInt(256);
                yield bytes;
            }
            default -> {
                bytes[at] = (byte) 0xC3;
                if (at + 1 < bytes.length) {
                    bytes[at + 1] = (byte) 0x28;
                }
                yield bytes;
            }
        };
    }

    private void mutate(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.isEmpty() || random.nextInt(8) == 0 ? randomText() : names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                default -> object.set(name, randomValue(2));
            }
        } else if (container instanceof ArrayNode array) {
            switch (random.nextInt(4)) {
                case 0 -> { if (!array.isEmpty()) array.remove(random.nextInt(array.size())); }
                case 1 -> { if (!array.isEmpty()) array.add(array.get(random.nextInt(array.size())).deepCopy()); }
                default -> array.add(randomValue(2));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isObject() || node.isArray()) {
            containers.add(node);
            for (JsonNode child : node.values()) {
                collect(child, containers);
            }
        }
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 12 : 10);
        return switch (kind) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 2 -> JSON.getNodeFactory().numberNode(random.nextInt());
            case 3 -> JSON.getNodeFactory().numberNode(random.nextLong());
            case 4 -> JSON.getNodeFactory().numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 5 -> JSON.getNodeFactory().numberNode(new java.math.BigInteger(200, random));
            case 6 -> JSON.getNodeFactory().stringNode(randomText());
            case 7 -> JSON.getNodeFactory().stringNode(pick("PASS", "FAIL", "ERROR", "UNSET", "SKIP", "INFO", "2026-11-02T08:15:30Z",
                    "2026-11-02T08:15:30", "PT1S", "FVT1", "a@b.io", "00000000-0000-0000-0000-000000000000", ""));
            case 8 -> JSON.getNodeFactory().stringNode("x".repeat(random.nextInt(300)));
            case 9 -> JSON.getNodeFactory().numberNode(random.nextInt(3) - 1 + 0.5);
            case 10 -> {
                ArrayNode array = JSON.createArrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.createObjectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick("name", "outcome", "serial_number", "data", "operator", "measured_value", randomText()),
                            randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 'a' + random.nextInt(26);
                case 1 -> ' ' + random.nextInt(95);
                case 2 -> 0x00A0 + random.nextInt(0x2000);
                default -> 0x1F600 + random.nextInt(50);
            });
        }
        return text.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
