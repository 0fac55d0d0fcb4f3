package dev.runline.gateway.reference;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serial -> part number by the organization's regular expression (contract §7): capture group 1 when
 * the pattern has one, else the whole match.
 */
public final class PartNumbers {

    private PartNumbers() {}

    public sealed interface Extraction {}

    public record Extracted(String partNumber) implements Extraction {}

    /** No regex is configured: the run must name its part (400). */
    public record NoRegex() implements Extraction {}

    /** The serial does not match the organization's regex (422). */
    public record NoMatch(String regex) implements Extraction {}

    public static Extraction extract(Pattern regex, String serial) {
        if (regex == null) {
            return new NoRegex();
        }
        Matcher matcher = regex.matcher(serial);
        if (!matcher.find()) {
            return new NoMatch(regex.pattern());
        }
        String part = matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group();
        return part == null || part.isEmpty() ? new NoMatch(regex.pattern()) : new Extracted(part);
    }
}
