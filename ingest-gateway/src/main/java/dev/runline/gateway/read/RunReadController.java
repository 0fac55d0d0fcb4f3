package dev.runline.gateway.read;

import dev.runline.gateway.attachment.JsonRequests;
import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.run.Issue;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Reading stored runs back (contract §11): v2 {@code runs.get} and {@code runs.list}, v1 {@code get_runs}. Any key of the run's
 * organization may read them, a station key included ({@link Permission#READ_RUN_STATUS}): a station checks
 * what it and its neighbours stored ("did this serial pass FVT before packing?"), and a unit moves between
 * stations, so limiting a station to its own runs would break the check it exists for. Another organization's
 * run is unknown (404), as everything else of it.
 */
@RestController
public class RunReadController {

    private final ApiKeyAuthenticator authenticator;
    private final RunReader reader;

    public RunReadController(ApiKeyAuthenticator authenticator, RunReader reader) {
        this.authenticator = authenticator;
        this.reader = reader;
    }

    @GetMapping(path = {"/api/v2/runs/{id}", "/v2/runs/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RunView> run(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id, ServerHttpRequest request) {
        return caller(authorization).flatMap(caller -> {
            UUID runId = JsonRequests.uuid(id, List.of("id"));
            return Blocking.call(() -> reader.run(caller.organizationId(), runId, request.getURI()));
        });
    }

    /**
     * The unit's runs, newest first, as a JSON list (the v1 client wraps a list into its success answer). A serial
     * the organization has no unit of answers an empty list, not 404: the client reports a 404 as a failed call,
     * while "no runs yet" is the answer a station asking before the next step needs.
     */
    @GetMapping(path = {"/api/v1/runs", "/v1/runs"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<V1RunView>> ofSerial(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "serial_number", required = false) String serialNumber) {
        return caller(authorization).flatMap(caller -> {
            if (serialNumber == null || serialNumber.isBlank()) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "serial_number is required",
                        List.of(new Issue(List.of("serial_number"), "is required")), null);
            }
            return Blocking.call(() -> reader.ofSerial(caller.organizationId(), serialNumber));
        });
    }

    /** v2 {@code runs.list}: the organization's runs, filtered, sorted and paged as {@link RunListRequest} reads them. */
    @GetMapping(path = {"/api/v2/runs", "/v2/runs"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RunPage> list(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return caller(authorization).flatMap(caller -> {
            RunListRequest query = RunListRequest.read(request.getQueryParams());
            return Blocking.call(() -> reader.list(caller.organizationId(), query));
        });
    }

    private Mono<Caller> caller(String authorization) {
        return authenticator.authenticate(authorization)
                .map(caller -> Permissions.require(caller, Permission.READ_RUN_STATUS));
    }
}
