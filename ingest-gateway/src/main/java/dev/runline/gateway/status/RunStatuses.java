package dev.runline.gateway.status;

import dev.runline.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/**
 * Looks a run's status up (blocking JDBC: call it off the event loop). Shared by the status route and the run
 * read route, which answers a run acknowledged but not stored yet with a 404 that says so.
 */
@Component
public class RunStatuses {

    private final RunStatusDao dao;
    private final Clock clock;
    private final Duration inFlightHorizon;

    public RunStatuses(Jdbi jdbi, Clock clock, GatewayProperties properties) {
        this.dao = jdbi.onDemand(RunStatusDao.class);
        this.clock = clock;
        this.inFlightHorizon = properties.inFlightHorizon();
    }

    /** Empty for a run unknown in this organization (never issued, another organization's, past the horizon). */
    public Optional<RunStatus> find(UUID organizationId, UUID runId) {
        var stored = dao.storedRun(organizationId, runId);
        var deadLetter = stored.isPresent() ? Optional.<RunStatusDao.LatestDeadLetter>empty()
                : dao.latestDeadLetter(organizationId, runId);
        return RunStatus.of(runId, stored, deadLetter, clock.instant(), inFlightHorizon);
    }
}
