package dev.runline.gateway.provision.member;

import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.provision.ListQuery;
import dev.runline.gateway.provision.Page;
import dev.runline.gateway.provision.ProvisioningRequests;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Runline's member routes (upstream manages users in its web app only), and upstream's read-only
 * {@code GET /api/v2/users} over the same members.
 */
@RestController
public class MemberController {

    private final ProvisioningRequests requests;
    private final Members members;

    public MemberController(ProvisioningRequests requests, Members members) {
        this.requests = requests;
        this.members = members;
    }

    @PostMapping(path = {"/api/v2/members", "/v2/members"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Member> create(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return requests.caller(authorization, Permission.MANAGE_MEMBERS)
                .flatMap(caller -> requests.body(request).map(MemberRequests::newMember)
                        .flatMap(member -> Blocking.call(() -> members.create(caller, member))));
    }

    @GetMapping(path = {"/api/v2/members", "/v2/members"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page<Member>> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return requests.caller(authorization, Permission.READ_ORGANIZATION)
                .flatMap(caller -> Blocking.call(() -> Page.of(members.list(caller))));
    }

    /**
     * Upstream's {@code GET /v2/users} (the v2 client's {@code user.list}): a plain array of
     * {@code UserListResponse}; {@code current=true} answers the calling key's user alone.
     */
    @GetMapping(path = {"/api/v2/users", "/v2/users"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<ListedUser>> users(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return requests.caller(authorization, Permission.READ_ORGANIZATION).flatMap(caller -> {
            ListQuery query = ListQuery.of(request.getQueryParams());
            Boolean current = query.flag("current");
            query.requireValid();
            return Blocking.call(() -> members.users(caller, Boolean.TRUE.equals(current)));
        });
    }

    @PatchMapping(path = {"/api/v2/members/{id}", "/v2/members/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Member> changeRole(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id, ServerHttpRequest request) {
        return requests.caller(authorization, Permission.MANAGE_MEMBERS).flatMap(caller -> {
            UUID memberId = Fields.pathId(id, "id");
            return requests.body(request).map(MemberRequests::roleChange)
                    .flatMap(change -> Blocking.call(() -> members.changeRole(caller, memberId, change)));
        });
    }
}
