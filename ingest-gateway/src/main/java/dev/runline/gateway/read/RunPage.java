package dev.runline.gateway.read;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of v2 {@code runs.list} ({@code RunListResponse}): {@code {"data": [...], "meta": {"has_more",
 * "next_cursor"}}}. Unlike the provisioning lists, runs are paged: an organization stores thousands a day.
 */
public record RunPage(List<RunListItem> data, Meta meta) {

    /** {@code next_cursor} is the {@code cursor} of the next page; null on the last. */
    public record Meta(@JsonProperty("has_more") boolean hasMore, @JsonProperty("next_cursor") Integer nextCursor) {}
}
