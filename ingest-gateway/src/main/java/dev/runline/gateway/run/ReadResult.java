package dev.runline.gateway.run;

import dev.runline.schemas.event.Run;
import java.util.List;

/** A request body read into a run, or the list of everything wrong with it. */
public record ReadResult(Run run, List<Issue> issues) {

    static ReadResult valid(Run run) {
        return new ReadResult(run, List.of());
    }

    static ReadResult invalid(List<Issue> issues) {
        return new ReadResult(null, issues);
    }

    public boolean isValid() {
        return run != null;
    }
}
