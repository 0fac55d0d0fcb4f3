package dev.runline.gateway.provision.procedure;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives a short identifier for a procedure created without one, in the style people give them
 * ({@code FVT1}): the initials of the name's first words (or the start of a single word), upper case,
 * then the smallest number that makes it unique in the organization. Pure.
 */
final class ProcedureIdentifiers {

    private static final int STEM_MAX = 4;
    /** For names with no Latin letter or digit at all. */
    private static final String FALLBACK_STEM = "PROC";

    private ProcedureIdentifiers() {}

    /**
     * {@code Functional verification test} gives {@code FVT}, {@code Burn-in} {@code BI}, {@code Calibration}
     * {@code CALI}. Accents are dropped ({@code Prüfung} gives {@code PRUF}).
     */
    static String stem(String name) {
        String latin = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String[] words = latin.split("[^A-Za-z0-9]+");
        StringBuilder stem = new StringBuilder();
        long wordCount = Arrays.stream(words).filter(word -> !word.isEmpty()).count();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (wordCount == 1) {
                stem.append(word, 0, Math.min(STEM_MAX, word.length()));
                break;
            }
            stem.append(word.charAt(0));
            if (stem.length() == STEM_MAX) {
                break;
            }
        }
        return stem.isEmpty() ? FALLBACK_STEM : stem.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The stem and the smallest number from 1 not {@code taken} (compared case-insensitively). A stem
     * that ends with a digit gets a hyphen first, so that {@code EOL2}'s first is {@code EOL2-1}, not the
     * confusing {@code EOL21}.
     */
    static String derive(String name, Collection<String> taken) {
        String stem = stem(name);
        String prefix = Character.isDigit(stem.charAt(stem.length() - 1)) ? stem + "-" : stem;
        Set<String> folded = taken.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (int number = 1; ; number++) {
            String candidate = prefix + number;
            if (!folded.contains(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }
}
