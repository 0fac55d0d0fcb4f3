package dev.runline.processor.deadletter.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/** How the tool writes ids, times and long values. */
final class Texts {

    /** As many characters of a uuid as {@code list} shows; {@code show} and {@code replay} accept them. */
    static final int SHORT_ID = 8;

    private Texts() {}

    static String shortId(UUID id) {
        return id == null ? null : id.toString().substring(0, SHORT_ID);
    }

    /** To the second: enough to tell dead letters apart at a glance, short enough for a table. */
    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** On one line (messages can carry stack traces) and at most {@code max} characters. */
    static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }

    /** The first bytes as hex, to recognise what an undecodable value is (JSON, another schema, garbage). */
    static String hexPreview(byte[] bytes, int max) {
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, max));
        return bytes.length > max ? hex + " ..." : hex;
    }
}
