package dev.runline.gateway.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runline.gateway.run.RunIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an accepted run is (contract §8): stored, dead-lettered (with the contract's code and message),
 * discarded by operations, or still in flight. The body of {@code GET /api/v2/runs/{id}/status}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(
        UUID id,
        String status,
        String outcome,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("ended_at") Instant endedAt,
        @JsonProperty("stored_at") Instant storedAt,
        Error error,
        String stage,
        Integer attempts,
        @JsonProperty("dead_lettered_at") Instant deadLetteredAt,
        @JsonProperty("replayed_at") Instant replayedAt,
        @JsonProperty("discarded_at") Instant discardedAt,
        @JsonProperty("discard_reason") String discardReason) {

    public static final String STORED = "stored";
    public static final String IN_FLIGHT = "in_flight";
    public static final String DEAD_LETTERED = "dead_lettered";
    public static final String DISCARDED = "discarded";

    /** The contract's error code and message the processor gave the run. */
    public record Error(String code, String message) {}

    /**
     * Decides a run's status from what the database holds. Pure.
     *
     * @param horizon how long after its id was issued a run neither stored nor dead-lettered still counts as
     *                in flight; past it, or for an id Runline did not issue, the run is unknown (empty)
     */
    static Optional<RunStatus> of(UUID id, Optional<RunStatusDao.StoredRun> stored,
            Optional<RunStatusDao.LatestDeadLetter> deadLetter, Instant now, Duration horizon) {
        if (stored.isPresent()) {
            RunStatusDao.StoredRun run = stored.get();
            return Optional.of(new RunStatus(id, STORED, run.outcome(), run.startedAt(), run.endedAt(), run.storedAt(),
                    null, null, null, null, null, null, null));
        }
        if (deadLetter.isPresent()) {
            RunStatusDao.LatestDeadLetter letter = deadLetter.get();
            Error error = new Error(letter.errorCode(), letter.errorMessage());
            return Optional.of(switch (letter.state()) {
                case "replayed" -> new RunStatus(id, IN_FLIGHT, null, null, null, null, error, letter.stage(),
                        letter.attempts(), letter.deadLetteredAt(), letter.stateChangedAt(), null, null);
                case "discarded" -> new RunStatus(id, DISCARDED, null, null, null, null, error, letter.stage(),
                        letter.attempts(), letter.deadLetteredAt(), null, letter.stateChangedAt(), letter.reason());
                default -> new RunStatus(id, DEAD_LETTERED, null, null, null, null, error, letter.stage(),
                        letter.attempts(), letter.deadLetteredAt(), null, null, null);
            });
        }
        return RunIds.issuedAt(id)
                // A little slack for clocks of several gateway instances.
                .filter(issued -> !issued.isAfter(now.plusSeconds(60)) && issued.isAfter(now.minus(horizon)))
                .map(issued -> new RunStatus(id, IN_FLIGHT, null, null, null, null, null, null, null, null, null, null, null));
    }
}
