package dev.runline.gateway.provision.procedure;

import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.provision.Created;
import dev.runline.gateway.provision.ListQuery;
import dev.runline.gateway.provision.Page;
import dev.runline.gateway.provision.ProvisioningRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Upstream-compatible {@code POST /api/v2/procedures} and {@code GET /api/v2/procedures} (the v2 client's
 * {@code ProcedureListResponse}, paginated with its {@code limit} and {@code cursor}).
 */
@RestController
public class ProcedureController {

    private final ProvisioningRequests requests;
    private final Procedures procedures;

    public ProcedureController(ProvisioningRequests requests, Procedures procedures) {
        this.requests = requests;
        this.procedures = procedures;
    }

    @PostMapping(path = {"/api/v2/procedures", "/v2/procedures"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Created> create(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return requests.caller(authorization, Permission.EDIT_CATALOG)
                .flatMap(caller -> requests.body(request).map(NewProcedure::read)
                        .flatMap(procedure -> Blocking.call(() -> new Created(procedures.create(caller, procedure)))));
    }

    @GetMapping(path = {"/api/v2/procedures", "/v2/procedures"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page<ListedProcedure>> list(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return requests.caller(authorization, Permission.READ_ORGANIZATION).flatMap(caller -> {
            ListQuery query = ListQuery.of(request.getQueryParams());
            ListQuery.Window window = query.window();
            ProcedureFilter filter = ProcedureFilter.read(query);
            query.requireValid();
            return Blocking.call(() -> procedures.list(caller, filter, window));
        });
    }
}
