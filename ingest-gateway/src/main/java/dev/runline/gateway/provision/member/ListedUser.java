package dev.runline.gateway.provision.member;

import java.util.UUID;

/**
 * A member in {@code GET /api/v2/users}, in the shape of the v2 client's {@code UserListResponse}. Runline
 * keeps no profile images and bans nobody (a member who must not act loses their keys): {@code image} is
 * null and {@code banned} false.
 */
public record ListedUser(UUID id, String email, String name, String image, boolean banned) {

    static ListedUser of(Member member) {
        return new ListedUser(member.id(), member.email(), member.name(), null, false);
    }
}
