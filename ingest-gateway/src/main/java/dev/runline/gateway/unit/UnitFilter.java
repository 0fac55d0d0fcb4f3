package dev.runline.gateway.unit;

import java.time.Instant;

/**
 * The filters of v2 {@code units.list} ({@code UnitListRequest}), ready to bind: every list is an array, empty when
 * the filter is absent; names (serials, part, revision, batch numbers) are lower-cased, since they match
 * case-insensitively; ids are uuid text (cast by the statement).
 *
 * <p>The run filters (procedures, outcomes, start times) keep a unit that has a run passing all of them; with
 * {@code latestOnly}, only the unit's latest run (of the procedures asked, if any) is considered: "units whose
 * last FVT failed", not "units that ever failed FVT". The unit's creator is the creator of the run that created it.
 */
public record UnitFilter(
        String searchPattern, String[] ids, String[] serialNumbers, String[] partNumbers, String[] revisionNumbers,
        String[] batchNumbers, String[] procedureIds, String[] outcomes, Instant startedAfter, Instant startedBefore,
        boolean latestOnly, Integer runCountMin, Integer runCountMax, Instant createdAfter, Instant createdBefore,
        String[] createdByUserIds, String[] createdByStationIds, boolean excludeUnitsWithParent) {

    /** Whether any run filter is set: without one, units without runs are listed too. */
    public boolean filtersRuns() {
        return procedureIds.length > 0 || outcomes.length > 0 || startedAfter != null || startedBefore != null;
    }
}
