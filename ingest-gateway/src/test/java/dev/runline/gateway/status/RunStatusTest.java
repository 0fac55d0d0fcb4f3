package dev.runline.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.run.RunIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunStatusTest {

    private static final Duration HORIZON = Duration.ofDays(7);
    private final Instant now = Instant.now();

    private static RunStatusDao.LatestDeadLetter deadLetter(String state) {
        return new RunStatusDao.LatestDeadLetter(state, "NOT_FOUND", "Sub-unit BRD-1 does not exist", "resolve", 2,
                Instant.parse("2026-11-24T08:00:00Z"), Instant.parse("2026-11-24T09:00:00Z"), "scrapped unit");
    }

    @Test
    void storedRunIsStoredWhateverItsDeadLetters() {
        UUID id = RunIds.next();
        var stored = new RunStatusDao.StoredRun(id, "PASS", now, now, now);

        RunStatus status = RunStatus.of(id, Optional.of(stored), Optional.of(deadLetter("replayed")), now, HORIZON).orElseThrow();

        assertThat(status.status()).isEqualTo(RunStatus.STORED);
        assertThat(status.outcome()).isEqualTo("PASS");
        assertThat(status.error()).isNull();
    }

    @Test
    void openDeadLetterGivesItsCodeAndMessage() {
        RunStatus status = RunStatus.of(RunIds.next(), Optional.empty(), Optional.of(deadLetter("open")), now, HORIZON).orElseThrow();

        assertThat(status.status()).isEqualTo(RunStatus.DEAD_LETTERED);
        assertThat(status.error()).isEqualTo(new RunStatus.Error("NOT_FOUND", "Sub-unit BRD-1 does not exist"));
        assertThat(status.attempts()).isEqualTo(2);
    }

    @Test
    void replayedDeadLetterIsInFlightAgain() {
        RunStatus status = RunStatus.of(RunIds.next(), Optional.empty(), Optional.of(deadLetter("replayed")), now, HORIZON).orElseThrow();

        assertThat(status.status()).isEqualTo(RunStatus.IN_FLIGHT);
        assertThat(status.replayedAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void discardedDeadLetterGivesTheReason() {
        RunStatus status = RunStatus.of(RunIds.next(), Optional.empty(), Optional.of(deadLetter("discarded")), now, HORIZON).orElseThrow();

        assertThat(status.status()).isEqualTo(RunStatus.DISCARDED);
        assertThat(status.discardReason()).isEqualTo("scrapped unit");
    }

    @Test
    void recentRunIdIsInFlight() {
        assertThat(RunStatus.of(RunIds.next(), Optional.empty(), Optional.empty(), now, HORIZON))
                .hasValueSatisfying(status -> assertThat(status.status()).isEqualTo(RunStatus.IN_FLIGHT));
    }

    @Test
    void idOlderThanTheHorizonOrNotIssuedByRunlineIsUnknown() {
        UUID old = RunIds.next();
        assertThat(RunStatus.of(old, Optional.empty(), Optional.empty(), now.plus(Duration.ofDays(8)), HORIZON)).isEmpty();
        assertThat(RunStatus.of(UUID.randomUUID(), Optional.empty(), Optional.empty(), now, HORIZON)).isEmpty();
    }

    @Test
    void idFromTheFutureIsUnknown() {
        assertThat(RunStatus.of(RunIds.next(), Optional.empty(), Optional.empty(), now.minus(Duration.ofHours(1)), HORIZON)).isEmpty();
    }

    @Test
    void issuedAtReadsTheTimeOfAVersion7Id() {
        Instant before = Instant.now().minusMillis(1);
        Instant issued = RunIds.issuedAt(RunIds.next()).orElseThrow();
        assertThat(issued).isBetween(before, Instant.now().plusMillis(1));
        assertThat(RunIds.issuedAt(UUID.randomUUID())).isEmpty();
    }
}
