package dev.runline.gateway.run;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A run's start and end (v2), Runline's rule where upstream requires both: {@code started_at} defaults to
 * {@code ended_at} when only that is given (receipt would put the start after a past end), else to
 * receipt; {@code ended_at} defaults to the start. The end may not come before the start.
 */
record RunTimes(Instant startedAt, Instant endedAt) {

    static RunTimes read(JsonFields fields, JsonNode body, Instant receivedAt) {
        Instant startedAt = fields.dateTime(body, List.of(), "started_at");
        Instant endedAt = fields.dateTime(body, List.of(), "ended_at");
        Instant start = startedAt != null ? startedAt : endedAt != null ? endedAt : receivedAt;
        Instant end = endedAt != null ? endedAt : start;
        // Compare only what was readable: a malformed start is reported once, not again as "end before start".
        boolean readable = (startedAt != null || JsonFields.present(body, "started_at") == null)
                && (endedAt != null || JsonFields.present(body, "ended_at") == null);
        if (readable) {
            requireOrder(fields, List.of(), start, end);
        }
        return new RunTimes(start, end);
    }

    static void requireOrder(JsonFields fields, List<Object> at, Instant start, Instant end) {
        if (start != null && end != null && end.isBefore(start)) {
            fields.issue(Issue.append(at, "ended_at"), "must not be before started_at");
        }
    }
}
