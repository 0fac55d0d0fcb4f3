package dev.runline.gateway.provision.station;

import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.provision.Created;
import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.provision.ListQuery;
import dev.runline.gateway.provision.Page;
import dev.runline.gateway.provision.ProvisioningRequests;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Upstream-compatible station routes (create, list, current) and Runline's link and unlink, which
 * upstream has only in its web app.
 */
@RestController
public class StationController {

    private static final String LINK = "/v2/stations/{id}/procedures/{procedureId}";

    private final ProvisioningRequests requests;
    private final Stations stations;

    public StationController(ProvisioningRequests requests, Stations stations) {
        this.requests = requests;
        this.stations = stations;
    }

    @PostMapping(path = {"/api/v2/stations", "/v2/stations"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Created> create(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return requests.caller(authorization, Permission.EDIT_CATALOG)
                .flatMap(caller -> requests.body(request).map(NewStation::read)
                        .flatMap(station -> Blocking.call(() -> new Created(stations.create(caller, station)))));
    }

    @GetMapping(path = {"/api/v2/stations", "/v2/stations"}, produces = MediaType.APPLICATION_JSON_VALUE)
    /** The v2 client's {@code StationListResponse}, paginated with its {@code limit} and {@code cursor}. */
    public Mono<Page<ListedStation>> list(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return requests.caller(authorization, Permission.READ_ORGANIZATION).flatMap(caller -> {
            ListQuery query = ListQuery.of(request.getQueryParams());
            ListQuery.Window window = query.window();
            StationFilter filter = StationFilter.read(query);
            query.requireValid();
            return Blocking.call(() -> stations.list(caller, filter, window));
        });
    }

    /** Station keys only: a user key has no current station (403). */
    @GetMapping(path = {"/api/v2/stations/current", "/v2/stations/current"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CurrentStation> current(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return requests.caller(authorization, Permission.READ_CURRENT_STATION)
                .flatMap(caller -> Blocking.call(() -> stations.current(caller)));
    }

    @PutMapping(path = {"/api" + LINK, LINK}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Station> link(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id, @PathVariable("procedureId") String procedureId) {
        return requests.caller(authorization, Permission.EDIT_CATALOG).flatMap(caller -> {
            UUID station = Fields.pathId(id, "id");
            UUID procedure = Fields.pathId(procedureId, "procedure_id");
            return Blocking.call(() -> stations.link(caller, station, procedure));
        });
    }

    @DeleteMapping(path = {"/api" + LINK, LINK}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Station> unlink(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id, @PathVariable("procedureId") String procedureId) {
        return requests.caller(authorization, Permission.EDIT_CATALOG).flatMap(caller -> {
            UUID station = Fields.pathId(id, "id");
            UUID procedure = Fields.pathId(procedureId, "procedure_id");
            return Blocking.call(() -> stations.unlink(caller, station, procedure));
        });
    }
}
