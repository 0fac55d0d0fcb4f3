package dev.runline.schemas;

import dev.runline.schemas.event.RunAccepted;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro (1.11.5+) refuses to instantiate generated classes from packages it was not told to trust. The
 * event classes are ours, so they are trusted in code rather than through a system property every
 * deployment would have to remember. The codecs register it; code that builds events without one (the benchmark's
 * generators: a builder reads the defaults of nested records) calls {@link #register()} itself.
 */
public final class TrustedAvroPackages {

    private static final String EVENT_PACKAGE = RunAccepted.class.getPackageName();
    private static volatile boolean registered;

    private TrustedAvroPackages() {}

    public static synchronized void register() {
        if (registered) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                previous, type -> EVENT_PACKAGE.equals(type.getPackageName())));
        registered = true;
    }
}
