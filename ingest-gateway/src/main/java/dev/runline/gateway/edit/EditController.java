package dev.runline.gateway.edit;

import dev.runline.gateway.attachment.JsonRequests;
import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Edits of stored runs and units (contract §11): v2 {@code runs.delete}, {@code units.update},
 * {@code units.add_child}, {@code units.remove_child}. Each is answered 200 once the processor applied it, in
 * order with the runs of its unit, in the client's response model. A user key of an admin or a member may edit
 * ({@link Permission#EDIT_RUNS}); a viewer reads only, and a station key, which sits on a shop-floor machine,
 * adds runs but never removes or rewrites what is stored.
 */
@RestController
public class EditController {

    private final ApiKeyAuthenticator authenticator;
    private final Edits edits;
    private final ObjectMapper json;

    public EditController(ApiKeyAuthenticator authenticator, Edits edits, ObjectMapper json) {
        this.authenticator = authenticator;
        this.edits = edits;
        this.json = json;
    }

    @DeleteMapping(path = {"/api/v2/runs", "/v2/runs"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<JsonNode> deleteRuns(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return caller(authorization).flatMap(caller ->
                edits.deleteRuns(caller, EditRequests.runIds(request.getQueryParams().get("ids"))));
    }

    @PatchMapping(path = {"/api/v2/units/{serial_number}", "/v2/units/{serial_number}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<JsonNode> updateUnit(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("serial_number") String serialNumber, ServerHttpRequest request) {
        return caller(authorization).flatMap(caller -> JsonRequests.object(request, json)
                .flatMap(body -> edits.updateUnit(caller, EditRequests.unitChange(serialNumber, body))));
    }

    @PutMapping(path = {"/api/v2/units/{serial_number}/children", "/v2/units/{serial_number}/children"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<JsonNode> addChild(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("serial_number") String serialNumber, ServerHttpRequest request) {
        return caller(authorization).flatMap(caller -> JsonRequests.object(request, json)
                .flatMap(body -> edits.addChild(caller, serialNumber, EditRequests.childSerialNumber(body))));
    }

    @DeleteMapping(path = {"/api/v2/units/{serial_number}/children", "/v2/units/{serial_number}/children"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<JsonNode> removeChild(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("serial_number") String serialNumber, ServerHttpRequest request) {
        return caller(authorization).flatMap(caller -> edits.removeChild(caller, serialNumber,
                EditRequests.childSerialNumber(request.getQueryParams().get("child_serial_number"))));
    }

    private Mono<Caller> caller(String authorization) {
        return authenticator.authenticate(authorization).map(caller -> Permissions.require(caller, Permission.EDIT_RUNS));
    }
}
