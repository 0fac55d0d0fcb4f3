package dev.runline.gateway.run;

import java.util.Map;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.JsonNode;

/**
 * Compact JSON text of a tree, for the values a run keeps whole (validators, aggregations, data series,
 * structured measured values). The same text as {@link JsonNode#toString()}, which sets up a generator and
 * its buffers for every call: for the hundred small values of a typical run that was a tenth of the
 * gateway's CPU (JFR, benchmark suite). Strings are escaped and numbers written by Jackson's own helpers.
 */
public final class JsonText {

    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    private JsonText() {}

    public static String of(JsonNode node) {
        StringBuilder text = new StringBuilder(64);
        write(node, text);
        return text.toString();
    }

    public static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(property.getKey(), out);
                    out.append(':');
                    write(property.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.stringValue(), out);
            case NUMBER -> number(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            // Never produced by parsing a request body; Jackson knows how to write them.
            default -> out.append(node);
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        STRINGS.quoteAsString(value, out);
        out.append('"');
    }

    /** A double as Jackson writes it (a finite one: the readers refuse the others). */
    public static void writeNumber(double value, StringBuilder out) {
        out.append(NumberOutput.toString(value));
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isDouble()) {
            writeNumber(node.doubleValue(), out);
        } else if (node.isFloat()) {
            out.append(NumberOutput.toString(node.floatValue()));
        } else {
            // int, long, BigInteger, BigDecimal: their own text, as Jackson writes them by default.
            out.append(node.numberValue());
        }
    }
}
