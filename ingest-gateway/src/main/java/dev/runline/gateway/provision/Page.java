package dev.runline.gateway.provision;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A list answer in upstream's envelope ({@code {"data": [...], "meta": {"has_more", "next_cursor"}}}).
 * Runline lists are not paginated (an organization has tens or hundreds of procedures, stations, members
 * and keys): everything is in {@code data}, {@code has_more} is always false.
 */
public record Page<T>(List<T> data, Meta meta) {

    public record Meta(@JsonProperty("has_more") boolean hasMore, @JsonProperty("next_cursor") Integer nextCursor) {}

    public static <T> Page<T> of(List<T> data) {
        return new Page<>(data, new Meta(false, null));
    }
}
