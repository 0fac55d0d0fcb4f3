package dev.runline.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every version of each event schema ever published, kept in {@code avro-history/} (run events listed oldest
 * first in {@code index.txt}, attachment links in {@code attachment-linked-index.txt}, edits in
 * {@code edit-requested-index.txt}). A schema change adds a
 * file there; a unit test checks that the current schema is the newest entry and is compatible both ways with
 * every earlier one.
 */
public final class SchemaHistory {

    private static final String FOLDER = "/avro-history/";
    private static final List<Schema> RUN_ACCEPTED = load("index.txt");
    private static final List<Schema> ATTACHMENT_LINKED = load("attachment-linked-index.txt");
    private static final List<Schema> EDIT_REQUESTED = load("edit-requested-index.txt");

    private SchemaHistory() {}

    public static List<Schema> runAccepted() {
        return RUN_ACCEPTED;
    }

    public static List<Schema> attachmentLinked() {
        return ATTACHMENT_LINKED;
    }

    public static List<Schema> editRequested() {
        return EDIT_REQUESTED;
    }

    private static List<Schema> load(String index) {
        List<Schema> schemas = new ArrayList<>();
        for (String file : readLines(FOLDER + index)) {
            try (InputStream in = resource(FOLDER + file)) {
                schemas.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable schema history file " + file, e);
            }
        }
        return List.copyOf(schemas);
    }

    private static List<String> readLines(String path) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(path), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SchemaHistory.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + path);
        }
        return in;
    }
}
