package dev.runline.gateway.provision.organization;

import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.provision.ProvisioningRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Runline's organization settings route: the serial -> part number pattern (contract §7). */
@RestController
public class OrganizationController {

    private final ProvisioningRequests requests;
    private final Organizations organizations;

    public OrganizationController(ProvisioningRequests requests, Organizations organizations) {
        this.requests = requests;
        this.organizations = organizations;
    }

    @GetMapping(path = {"/api/v2/organization", "/v2/organization"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Organization> get(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return requests.caller(authorization, Permission.READ_ORGANIZATION)
                .flatMap(caller -> Blocking.call(() -> organizations.get(caller)));
    }

    @PatchMapping(path = {"/api/v2/organization", "/v2/organization"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Organization> change(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return requests.caller(authorization, Permission.MANAGE_ORGANIZATION)
                .flatMap(caller -> requests.body(request).map(OrganizationChange::read)
                        .flatMap(change -> Blocking.call(() -> organizations.change(caller, change))));
    }
}
