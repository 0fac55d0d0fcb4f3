package dev.runline.processor.persist;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Rows as lines of PostgreSQL's COPY CSV format: every value quoted (a quote doubled inside), a null as an
 * empty unquoted field, which COPY tells apart from an empty string. Instants and OffsetDateTimes in ISO 8601
 * with {@code Z}, numbers and booleans as Java writes them: all read by PostgreSQL's input functions. Pure.
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
                String text = switch (value) {
                    case Instant instant -> instant.toString();
                    case OffsetDateTime time -> time.toInstant().toString();
                    default -> value.toString();
                };
                out.append('"');
                if (text.indexOf('"') < 0) {
                    out.append(text);
                } else {
                    out.append(text.replace("\"", "\"\""));
                }
                out.append('"');
            }
        }
        out.append('\n');
    }
}
