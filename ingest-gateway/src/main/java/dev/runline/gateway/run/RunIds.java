package dev.runline.gateway.run;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Run ids are UUID version 7: random, but with the time they were issued in their first 48 bits. The status
 * route uses that time to tell a run still in flight from an id it never issued; PostgreSQL's primary-key
 * index takes new runs at its right edge.
 */
public final class RunIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private RunIds() {}

    public static UUID next() {
        return GENERATOR.generate();
    }

    /** When a version 7 id was issued; empty for any other id. */
    public static Optional<Instant> issuedAt(UUID id) {
        if (id.version() != 7) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16));
    }
}
