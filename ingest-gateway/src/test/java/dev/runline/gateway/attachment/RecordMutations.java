package dev.runline.gateway.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One random change to a JSON tree: a key dropped, or a node replaced by a value of another type. */
final class RecordMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordMutations() {}

    static JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return randomValue(random);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            if (random.nextBoolean()) {
                object.remove(name);
            } else {
                object.set(name, randomValue(random));
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), randomValue(random));
        }
        return random.nextInt(50) == 0 ? randomValue(random) : root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 4 -> NODES.stringNode("x\\u0000\\n" + random.nextInt());
            case 5 -> NODES.stringNode("");
            case 6 -> NODES.arrayNode().add(random.nextInt()).add("a");
            case 7 -> NODES.objectNode().put("k", random.nextDouble());
            default -> NODES.stringNode("9".repeat(1 + random.nextInt(400)));
        };
    }
}
