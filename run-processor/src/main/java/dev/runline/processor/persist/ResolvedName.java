package dev.runline.processor.persist;

import dev.runline.processor.resolve.NameKey;
import java.util.UUID;

/** A row found by its case-insensitive name within a scope (organization, part or procedure). */
public record ResolvedName(UUID id, UUID scope, String folded) {

    public NameKey key() {
        return new NameKey(scope, folded);
    }
}
