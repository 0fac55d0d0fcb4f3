package dev.runline.schemas;

import dev.runline.schemas.event.RunAccepted;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro (1.11.5+) refuses to instantiate generated classes from packages it was not told to trust. The
 * event classes are ours, so they are trusted in code rather than through a system property every
 * deployment would have to remember.
 */
final class TrustedAvroPackages {

    private static final String EVENT_PACKAGE = RunAccepted.class.getPackageName();
    private static volatile boolean registered;

    private TrustedAvroPackages() {}

    static synchronized void register() {
        if (registered) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                previous, type -> EVENT_PACKAGE.equals(type.getPackageName())));
        registered = true;
    }
}
