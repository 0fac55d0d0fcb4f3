package dev.runline.gateway.read;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * What a pydantic model of the official client accepts, written out by hand from its model file so that a test
 * checks an answer against the client rather than against the gateway's own records: each field required,
 * optional, or optional-and-nullable, each type with its nullability and enum values. {@link #problems} lists
 * every field the client would refuse, with its JSON path.
 */
final class ClientShape {

    /** A JSON type the client checks. */
    interface Type {
        void check(JsonNode node, String path, List<String> problems);
    }

    private enum Presence { REQUIRED, OPTIONAL }

    private record Field(Presence presence, Type type) {}

    /** An object type: its fields; fields it does not list are ignored by the client, as pydantic does. */
    static final class Model implements Type {
        private final String name;
        private final Map<String, Field> fields = new LinkedHashMap<>();

        private Model(String name) {
            this.name = name;
        }

        static Model named(String name) {
            return new Model(name);
        }

        Model required(String field, Type type) {
            fields.put(field, new Field(Presence.REQUIRED, type));
            return this;
        }

        /** May be absent; when present it must be of the type (nullable only if the type is). */
        Model optional(String field, Type type) {
            fields.put(field, new Field(Presence.OPTIONAL, type));
            return this;
        }

        @Override
        public void check(JsonNode node, String path, List<String> problems) {
            if (node == null || !node.isObject()) {
                problems.add(path + ": must be an object (" + name + "), is " + node);
                return;
            }
            fields.forEach((field, spec) -> {
                JsonNode value = node.get(field);
                if (value == null) {
                    if (spec.presence() == Presence.REQUIRED) {
                        problems.add(path + "." + field + ": required by " + name + ", missing");
                    }
                    return;
                }
                spec.type().check(value, path + "." + field, problems);
            });
        }

        List<String> problems(JsonNode node) {
            List<String> problems = new ArrayList<>();
            check(node, "$", problems);
            return problems;
        }
    }

    static Type nullable(Type type) {
        return (node, path, problems) -> {
            if (!node.isNull()) {
                type.check(node, path, problems);
            }
        };
    }

    static Type listOf(Type element) {
        return (node, path, problems) -> {
            if (!node.isArray()) {
                problems.add(path + ": must be a list, is " + node);
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                element.check(node.get(i), path + "[" + i + "]", problems);
            }
        };
    }

    static Type oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return simple("one of " + allowed, node -> node.isString() && allowed.contains(node.stringValue()));
    }

    /** The first type the value matches, as pydantic's union does (left to right). */
    static Type union(Type... types) {
        return (node, path, problems) -> {
            for (Type type : types) {
                List<String> tried = new ArrayList<>();
                type.check(node, path, tried);
                if (tried.isEmpty()) {
                    return;
                }
            }
            problems.add(path + ": matches no type of the union, is " + node);
        };
    }

    static final Type STRING = simple("a string", JsonNode::isString);
    static final Type NUMBER = simple("a number", JsonNode::isNumber);
    static final Type INTEGER = simple("an integer", JsonNode::isIntegralNumber);
    static final Type BOOLEAN = simple("a boolean", JsonNode::isBoolean);
    static final Type OBJECT = simple("an object", JsonNode::isObject);
    static final Type ANY_LIST = simple("a list", JsonNode::isArray);
    static final Type DATETIME = simple("an ISO 8601 date-time", node -> node.isString() && parses(() ->
            OffsetDateTime.parse(node.stringValue())));
    /** The model types it {@code str}; its description says "ISO 8601 duration" (e.g. {@code PT2M30S}). */
    static final Type DURATION = simple("an ISO 8601 duration", node -> node.isString() && parses(() ->
            Duration.parse(node.stringValue())));

    private static Type simple(String what, Predicate<JsonNode> accepts) {
        return (node, path, problems) -> {
            if (!accepts.test(node)) {
                problems.add(path + ": must be " + what + ", is " + node);
            }
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ClientShape() {}
}
