package dev.runline.gateway.read;

import java.time.Instant;

/**
 * The filters of v2 {@code runs.list} ({@code RunListRequest}), ready to bind: every list is an array, empty when
 * the filter is absent; names (serials, part, revision, batch numbers, version tags) are lower-cased, since they
 * match case-insensitively; ids are uuid text (cast by the statement); durations are seconds.
 */
public record RunFilter(
        String[] ids, String[] outcomes, String[] procedureIds, String[] procedureVersions, String[] serialNumbers,
        String[] partNumbers, String[] revisionNumbers, String[] batchNumbers,
        Instant startedAfter, Instant startedBefore, Instant endedAfter, Instant endedBefore,
        Instant createdAfter, Instant createdBefore,
        String[] createdByUserIds, String[] createdByStationIds, String[] operatedByIds,
        Double durationMinSeconds, Double durationMaxSeconds, String searchPattern) {}
