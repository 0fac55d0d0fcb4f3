package dev.runline.processor.resolve;

import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

/**
 * A name matched case-insensitively within a scope (organization, part, procedure): the identity of a
 * part, revision, batch, unit or procedure version. Ordered, so that every consumer creates rows in the
 * same order and concurrent transactions cannot deadlock on each other's inserts.
 */
public record NameKey(UUID scope, String folded) implements Comparable<NameKey> {

    private static final Comparator<NameKey> ORDER =
            Comparator.comparing(NameKey::scope).thenComparing(NameKey::folded);

    public static NameKey of(UUID scope, String name) {
        return new NameKey(scope, fold(name));
    }

    /** The same folding as the database's lower() unique indexes, for the ASCII names the contract allows. */
    public static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(NameKey other) {
        return ORDER.compare(this, other);
    }
}
