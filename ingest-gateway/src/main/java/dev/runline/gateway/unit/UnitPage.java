package dev.runline.gateway.unit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of v2 {@code units.list} ({@code UnitListResponse}): {@code {"data": [...], "meta": {...}}}. */
public record UnitPage(List<UnitListItem> data, Meta meta) {

    /** {@code next_cursor} is the {@code cursor} of the next page; null on the last. */
    public record Meta(@JsonProperty("has_more") boolean hasMore, @JsonProperty("next_cursor") Integer nextCursor) {}
}
