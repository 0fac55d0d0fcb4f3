package dev.runline.gateway.status;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What PostgreSQL knows of a run, always within the caller's organization. */
@RegisterConstructorMapper(RunStatusDao.StoredRun.class)
@RegisterConstructorMapper(RunStatusDao.LatestDeadLetter.class)
public interface RunStatusDao {

    record StoredRun(UUID id, String outcome, Instant startedAt, Instant endedAt, Instant storedAt) {}

    record LatestDeadLetter(String state, String errorCode, String errorMessage, String stage, int attempts,
            Instant deadLetteredAt, Instant stateChangedAt, String reason) {}

    @SqlQuery("""
            SELECT id, outcome, started_at, ended_at, stored_at FROM runs
            WHERE id = :runId AND organization_id = :organizationId
            """)
    Optional<StoredRun> storedRun(UUID organizationId, UUID runId);

    /** The run's newest dead letter (a replay that failed again has several), with the reason it was discarded. */
    @SqlQuery("""
            SELECT d.state, d.error_code, d.error_message, d.stage, d.attempts, d.dead_lettered_at, d.state_changed_at,
                   (SELECT a.reason FROM dead_letter_actions a
                    WHERE a.dead_letter_id = d.id ORDER BY a.acted_at DESC, a.id DESC LIMIT 1) AS reason
            FROM dead_letters d
            WHERE d.run_id = :runId AND d.organization_id = :organizationId
            ORDER BY d.dead_lettered_at DESC, d.recorded_at DESC
            LIMIT 1
            """)
    Optional<LatestDeadLetter> latestDeadLetter(UUID organizationId, UUID runId);
}
