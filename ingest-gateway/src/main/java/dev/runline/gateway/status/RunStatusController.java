package dev.runline.gateway.status;

import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.run.Issue;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v2/runs/{id}/status} (contract §8): whether an accepted run is in flight, stored, or
 * dead-lettered and why. Any key of the run's organization may ask; another organization's run is unknown.
 * ({@code GET /api/v2/runs/{id}} answers the stored run itself, as the v2 client's {@code runs.get} expects.)
 */
@RestController
public class RunStatusController {

    private final ApiKeyAuthenticator authenticator;
    private final RunStatuses statuses;

    public RunStatusController(ApiKeyAuthenticator authenticator, RunStatuses statuses) {
        this.authenticator = authenticator;
        this.statuses = statuses;
    }

    @GetMapping(path = {"/api/v2/runs/{id}/status", "/v2/runs/{id}/status"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RunStatus> status(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable("id") String id) {
        return authenticator.authenticate(authorization).flatMap(caller -> {
            UUID runId = runId(id);
            // JDBC blocks: keep it off the event loop.
            return Mono.fromCallable(() -> lookUp(caller, runId)).subscribeOn(Schedulers.boundedElastic());
        });
    }

    private RunStatus lookUp(Caller caller, UUID runId) {
        return statuses.find(caller.organizationId(), runId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No run " + runId + " in this organization"));
    }

    private static UUID runId(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new ApiException(ErrorCode.BAD_REQUEST, "The run id must be a uuid",
                List.of(new Issue(List.of("id"), "must be a uuid")), null);
    }
}
