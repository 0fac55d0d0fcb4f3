package dev.runline.gateway.provision.key;

import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.provision.Page;
import dev.runline.gateway.provision.ProvisioningRequests;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Runline's API key routes (upstream manages keys in its web app only). Admin keys only. */
@RestController
public class KeyController {

    private final ProvisioningRequests requests;
    private final Keys keys;
    private final Clock clock;

    public KeyController(ProvisioningRequests requests, Keys keys, Clock clock) {
        this.requests = requests;
        this.keys = keys;
        this.clock = clock;
    }

    @PostMapping(path = {"/api/v2/keys", "/v2/keys"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CreatedKey> create(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return requests.caller(authorization, Permission.MANAGE_KEYS)
                .flatMap(caller -> requests.body(request).map(body -> NewKey.read(body, clock.instant()))
                        .flatMap(key -> Blocking.call(() -> keys.create(caller, key))));
    }

    @GetMapping(path = {"/api/v2/keys", "/v2/keys"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page<ListedKey>> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return requests.caller(authorization, Permission.MANAGE_KEYS)
                .flatMap(caller -> Blocking.call(() -> Page.of(keys.list(caller))));
    }

    @PostMapping(path = {"/api/v2/keys/{id}/revoke", "/v2/keys/{id}/revoke"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ListedKey> revoke(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id) {
        return requests.caller(authorization, Permission.MANAGE_KEYS).flatMap(caller -> {
            UUID keyId = Fields.pathId(id, "id");
            return Blocking.call(() -> keys.revoke(caller, keyId));
        });
    }
}
