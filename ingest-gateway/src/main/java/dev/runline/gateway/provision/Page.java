package dev.runline.gateway.provision;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A list answer in upstream's envelope ({@code {"data": [...], "meta": {"has_more", "next_cursor"}}}).
 * Procedures and stations are paginated as upstream's v2 client expects ({@link #slice}); members and keys
 * are not (an organization has tens of them): everything is in {@code data}, {@code has_more} is false.
 */
public record Page<T>(List<T> data, Meta meta) {

    /** @param nextCursor the offset of the next page, to send as {@code cursor}; null on the last page */
    public record Meta(@JsonProperty("has_more") boolean hasMore, @JsonProperty("next_cursor") Integer nextCursor) {}

    public static <T> Page<T> of(List<T> data) {
        return new Page<>(data, new Meta(false, null));
    }

    /**
     * The page of a list read with {@code LIMIT window.limit + 1}: the extra row, dropped here, tells that
     * there is a next page without counting the whole list.
     */
    public static <T> Page<T> slice(List<T> fetched, ListQuery.Window window) {
        if (fetched.size() <= window.limit()) {
            return new Page<>(fetched, new Meta(false, null));
        }
        return new Page<>(List.copyOf(fetched.subList(0, window.limit())),
                new Meta(true, window.offset() + window.limit()));
    }
}
