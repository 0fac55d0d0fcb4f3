package dev.runline.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@link JsonText} must write exactly what Jackson's own {@link JsonNode#toString()} writes. */
class JsonTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"operator\":\">=\",\"expected_value\":1.5},{\"operator\":\"<=\",\"expected_value\":3}]",
        "{\"a\":null,\"b\":true,\"c\":false,\"d\":[],\"e\":{},\"f\":\"\"}",
        "[\"quote \\\" backslash \\\\ slash / tab \\t newline \\n cr \\r bell \\u0007 del \\u007f\"]",
        "[\"ünïcödé \\u2028 \\u2029 emoji 😀 and a lone half \\ud83d\"]",
        "[0, -0, 1e3, -1.5E-7, 12345678901234567890, 1.0, 0.1, 3.141592653589793, 1e308, 4.9e-324]",
        "{\"nested\":{\"deeper\":[[[{\"x\":[1,2,{\"y\":\"z\"}]}]]]}}",
        "{\"key with \\\"quotes\\\" and \\n\":1}"
    })
    void writesWhatJacksonWritesForParsedBodies(String json) {
        JsonNode node = JSON.readTree(json);

        assertThat(JsonText.of(node)).isEqualTo(node.toString());
    }

    @Test
    void writesWhatJacksonWritesForEveryNumberKind() {
        ArrayNode numbers = NODES.arrayNode()
                .add(7).add(-7L).add(Long.MAX_VALUE).add(2.5f).add(1e-10).add(-0.0)
                .add(new BigInteger("123456789012345678901234567890"))
                .add(new BigDecimal("1.2300")).add(new BigDecimal("1E+5"));

        assertThat(JsonText.of(numbers)).isEqualTo(numbers.toString());
    }

    @Test
    void writesWhatJacksonWritesForRandomTrees() {
        Random random = new Random(20261124);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = randomTree(random, 4);
            assertThat(JsonText.of(tree)).as("tree %d", i).isEqualTo(tree.toString());
            JsonNode reparsed = JSON.readTree(tree.toString());
            assertThat(JsonText.of(reparsed)).as("reparsed tree %d", i).isEqualTo(reparsed.toString());
        }
    }

    private static JsonNode randomTree(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 4 -> NODES.numberNode(random.nextLong());
            case 5 -> NODES.stringNode(randomString(random));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomTree(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(randomString(random), randomTree(random, depth - 1));
                }
                yield object;
            }
        };
    }

    /** Mostly ASCII, with control characters, quotes, backslashes and characters beyond Latin-1. */
    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int pick = random.nextInt(10);
            text.append(switch (pick) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> '"';
                case 2 -> '\\';
                case 3 -> (char) (0x80 + random.nextInt(0x2000));
                case 4 -> (char) (0xd800 + random.nextInt(0x800));
                default -> (char) (0x20 + random.nextInt(0x5f));
            });
        }
        return text.toString();
    }
}
