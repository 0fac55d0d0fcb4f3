package dev.runline.gateway.run;

import dev.runline.schemas.event.Run;
import java.util.List;

/**
 * A request body read into a run, or what is wrong with it. A v1 run may name its procedure by its short
 * identifier: then {@code procedureIdentifier} is set and the procedure id is filled in once the
 * identifier is resolved in the caller's organization.
 *
 * @param unitPaths   where the request put the unit's keys, for issues found after reading
 * @param issues      the first {@value JsonFields#ISSUES_LISTED} issues found
 * @param issuesFound every issue found, listed or not
 */
public record ReadResult(Run.Builder run, String procedureIdentifier, UnitPaths unitPaths, List<Issue> issues,
        int issuesFound) {

    public static ReadResult valid(Run.Builder run, String procedureIdentifier, UnitPaths unitPaths) {
        return new ReadResult(run, procedureIdentifier, unitPaths, List.of(), 0);
    }

    public static ReadResult invalid(JsonFields fields) {
        return new ReadResult(null, null, null, fields.issues(), fields.issueCount());
    }

    public boolean isValid() {
        return run != null;
    }
}
