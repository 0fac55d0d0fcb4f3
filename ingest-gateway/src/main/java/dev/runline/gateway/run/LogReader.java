package dev.runline.gateway.run;

import dev.runline.schemas.event.Log;
import dev.runline.schemas.event.LogLevel;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads a log line (contract §6), the same in v1 and v2. Text is truncated, never rejected for length. */
public final class LogReader {

    static final int MESSAGE_MAX = 10_000;
    static final int SOURCE_FILE_MAX = 200;

    private LogReader() {}

    static Log read(JsonFields fields, JsonNode element, List<Object> at) {
        JsonNode node = fields.object(element, at);
        if (node == null) {
            return null;
        }
        LogLevel level = fields.enumValue(node, at, "level", LogLevel.class, true);
        Instant timestamp = fields.dateTime(node, at, "timestamp");
        String message = fields.string(node, at, "message", false, Integer.MAX_VALUE);
        String sourceFile = fields.string(node, at, "source_file", false, Integer.MAX_VALUE);
        Integer lineNumber = fields.integer(node, at, "line_number", 0);
        if (level == null) {
            return null;
        }
        return Log.newBuilder()
                .setLevel(level)
                .setTimestamp(timestamp)
                .setMessage(message(message))
                .setSourceFile(sourceFile(sourceFile))
                .setLineNumber(lineNumber)
                .build();
    }

    /**
     * Over 10,000 characters: truncated; empty or absent: {@code (empty)}. A cut is never made inside a
     * surrogate pair (an emoji), whose lone half could not be encoded as UTF-8: the pair goes, one char less.
     */
    public static String message(String message) {
        if (message == null || message.isEmpty()) {
            return "(empty)";
        }
        if (message.length() <= MESSAGE_MAX) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(MESSAGE_MAX - 1)) ? MESSAGE_MAX - 1 : MESSAGE_MAX;
        return message.substring(0, end);
    }

    /**
     * Over 200 characters: keeps the last 200 (the file name end), never starting inside a surrogate pair;
     * empty or absent: {@code unknown}.
     */
    public static String sourceFile(String sourceFile) {
        if (sourceFile == null || sourceFile.isEmpty()) {
            return "unknown";
        }
        if (sourceFile.length() <= SOURCE_FILE_MAX) {
            return sourceFile;
        }
        int start = sourceFile.length() - SOURCE_FILE_MAX;
        return sourceFile.substring(Character.isLowSurrogate(sourceFile.charAt(start)) ? start + 1 : start);
    }
}
