package dev.runline.gateway.unit;

import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
import dev.runline.gateway.provision.Blocking;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Reading stored units back: v2 {@code units.get} and {@code units.list}. Any key of the unit's organization may
 * read them, a station key included ({@link Permission#READ_RUN_STATUS}, as for runs): a station checks the unit in
 * front of it (its parent, its sub-units, how it was built) whichever station created it. Another organization's
 * unit is unknown (404), as everything else of it.
 */
@RestController
public class UnitReadController {

    private final ApiKeyAuthenticator authenticator;
    private final UnitReader reader;

    public UnitReadController(ApiKeyAuthenticator authenticator, UnitReader reader) {
        this.authenticator = authenticator;
        this.reader = reader;
    }

    /** The unit of this serial, matched case-insensitively, with its parent and all its children. */
    @GetMapping(path = {"/api/v2/units/{serial_number}", "/v2/units/{serial_number}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<UnitView> unit(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("serial_number") String serialNumber, ServerHttpRequest request) {
        return caller(authorization).flatMap(caller ->
                Blocking.call(() -> reader.unit(caller.organizationId(), serialNumber, request.getURI())));
    }

    /** v2 {@code units.list}: the organization's units, filtered, sorted and paged as {@link UnitListRequest} reads them. */
    @GetMapping(path = {"/api/v2/units", "/v2/units"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<UnitPage> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return caller(authorization).flatMap(caller -> {
            UnitListRequest query = UnitListRequest.read(request.getQueryParams());
            return Blocking.call(() -> reader.list(caller.organizationId(), query));
        });
    }

    private Mono<Caller> caller(String authorization) {
        return authenticator.authenticate(authorization)
                .map(caller -> Permissions.require(caller, Permission.READ_RUN_STATUS));
    }
}
