package dev.runline.gateway.run;

import dev.runline.schemas.event.Run;
import java.util.List;

/**
 * A request body read into a run, or the list of everything wrong with it. A v1 run may name its
 * procedure by its short identifier: then {@code procedureIdentifier} is set and the procedure id is
 * filled in once the identifier is resolved in the caller's organization.
 */
public record ReadResult(Run.Builder run, String procedureIdentifier, List<Issue> issues) {

    static ReadResult valid(Run.Builder run, String procedureIdentifier) {
        return new ReadResult(run, procedureIdentifier, List.of());
    }

    static ReadResult invalid(List<Issue> issues) {
        return new ReadResult(null, null, issues);
    }

    public boolean isValid() {
        return run != null;
    }
}
