package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.JsonText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The Python values OpenHTF formats into its validator texts ({@code str.format} of a limit, {@code repr} of a
 * quoted string), read back as JSON text for a validator's {@code expected_value}: integers and floats as
 * numbers, {@code True}/{@code False} as booleans, {@code None} as null, quoted strings as strings, and lists,
 * tuples and sets of those as arrays. Anything else (an unquoted word, {@code inf}, {@code nan}) is not a
 * literal, and the validator that holds it is kept as an expression.
 */
final class PythonLiteral {

    /**
     * Python's float and int texts. The exponent is bounded (Python writes at most three digits): BigDecimal refuses
     * an exponent beyond an int with an exception, and a longer one could only come from a hand-written text.
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,5})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    private PythonLiteral() {}

    /** A number's JSON text, or null when the text is not a finite number. */
    static String number(String text) {
        String value = text.strip();
        if (!NUMBER.matcher(value).matches()) {
            return null;
        }
        if (INTEGER.matcher(value).matches()) {
            return Long.toString(Long.parseLong(value));
        }
        // BigDecimal first: Double.parseDouble would accept forms Python never writes (0x1p3, "1d").
        double parsed = new BigDecimal(value).doubleValue();
        if (!Double.isFinite(parsed)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        JsonText.writeNumber(parsed, out);
        return out.toString();
    }

    /** A scalar's JSON text: number, boolean, None or quoted string; null when the text is none of them. */
    static String scalar(String text) {
        String value = text.strip();
        switch (value) {
            case "True" -> { return "true"; }
            case "False" -> { return "false"; }
            case "None" -> { return "null"; }
            default -> { }
        }
        String string = quoted(value);
        if (string != null) {
            return json(string);
        }
        return number(value);
    }

    /** A list, tuple or set of scalars as a JSON array; null when the text is not one. */
    static String collection(String text) {
        String value = text.strip();
        if (value.length() < 2 || !isCollection(value.charAt(0), value.charAt(value.length() - 1))) {
            return null;
        }
        List<String> elements = split(value.substring(1, value.length() - 1));
        if (elements == null) {
            return null;
        }
        StringBuilder array = new StringBuilder().append('[');
        for (String element : elements) {
            String json = scalar(element);
            if (json == null) {
                return null;
            }
            if (array.length() > 1) {
                array.append(',');
            }
            array.append(json);
        }
        return array.append(']').toString();
    }

    /** The content of a Python string literal ({@code 'a'} or {@code "a"}, backslash escapes undone), or null. */
    static String quoted(String text) {
        if (text.length() < 2) {
            return null;
        }
        char quote = text.charAt(0);
        if ((quote != '\'' && quote != '"') || text.charAt(text.length() - 1) != quote) {
            return null;
        }
        StringBuilder content = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return null; // the quote closes before the end: two literals, not one
            }
            if (c == '\\' && i + 1 < text.length() - 1) {
                char next = text.charAt(++i);
                content.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '\\', '\'', '"' -> next;
                    default -> {
                        content.append('\\');
                        yield next;
                    }
                });
            } else {
                content.append(c);
            }
        }
        return content.toString();
    }

    static String json(String string) {
        StringBuilder out = new StringBuilder().append('"');
        STRINGS.quoteAsString(string, out);
        return out.append('"').toString();
    }

    private static boolean isCollection(char open, char close) {
        return (open == '[' && close == ']') || (open == '(' && close == ')') || (open == '{' && close == '}');
    }

    /** The elements between commas outside quotes; null for an unterminated quote. A trailing comma (a 1-tuple) is dropped. */
    private static List<String> split(String inner) {
        List<String> elements = new ArrayList<>();
        if (inner.isBlank()) {
            return elements;
        }
        StringBuilder element = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                element.append(c);
                if (c == '\\' && i + 1 < inner.length()) {
                    element.append(inner.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                element.append(c);
            } else if (c == ',') {
                elements.add(element.toString());
                element.setLength(0);
            } else {
                element.append(c);
            }
        }
        if (quote != 0) {
            return null;
        }
        if (!element.toString().isBlank() || elements.isEmpty()) {
            elements.add(element.toString());
        }
        return elements;
    }
}
