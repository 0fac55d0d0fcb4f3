package dev.runline.processor.persist;

import java.time.Instant;

/**
 * Rows as lines of PostgreSQL's COPY CSV format: every value quoted (a quote doubled inside), a null as an
 * empty unquoted field, which COPY tells apart from an empty string. Instants in ISO 8601 with
 * {@code Z}, numbers and booleans as Java writes them: all read by PostgreSQL's input functions. Pure.
 */
public final class CsvRows {

    private CsvRows() {}

    /** Appends one line, newline included. */
    public static void appendLine(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values[i];
            if (value != null) {
                String text = value instanceof Instant instant ? instant.toString() : value.toString();
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }
}
