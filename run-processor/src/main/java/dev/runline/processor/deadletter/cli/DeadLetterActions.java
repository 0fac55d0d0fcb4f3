package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import dev.runline.processor.deadletter.DeadLetterDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Replays or discards a list of dead letters, one at a time, recording each in the audit trail. Knows
 * nothing of the command line, so that it can be driven directly.
 *
 * <p>A replay is published first and recorded after the broker acknowledged it: a dead letter is never
 * marked replayed without its run being back on the topic. A failure between the two (database down) leaves
 * it open although published; replaying it again is harmless, since the processor stores a run at most once.
 */
final class DeadLetterActions {

    /** What happened to a list of dead letters. */
    record Outcome(int done, int skipped, List<Failure> failures, int notAttempted) {

        boolean failed() {
            return !failures.isEmpty() || notAttempted > 0;
        }
    }

    /** A dead letter left open, and why. */
    record Failure(DeadLetter deadLetter, String reason) {}

    private final Handle handle;
    private final String actor;
    private final Runnable afterEach;

    /**
     * @param handle    one connection for the whole list (the tool is single-threaded)
     * @param actor     recorded in the audit trail
     * @param afterEach called once per dead letter, whatever happened to it (progress)
     */
    DeadLetterActions(Handle handle, String actor, Runnable afterEach) {
        this.handle = handle;
        this.actor = actor;
        this.afterEach = afterEach;
    }

    /**
     * Replays the open ones among {@code deadLetters}, in order, at the pace of {@code pacer}. A dead letter
     * the broker refuses stays open; the rest continue unless the broker or the database itself failed.
     */
    Outcome replay(List<DeadLetter> deadLetters, ReplayPublisher publisher, Pacer pacer) throws InterruptedException {
        DeadLetterDao dao = handle.attach(DeadLetterDao.class);
        int replayed = 0;
        int skipped = 0;
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < deadLetters.size(); i++) {
            DeadLetter deadLetter = deadLetters.get(i);
            try {
                // Read again: an hour-long replay must not resend what a colleague discarded meanwhile.
                Optional<DeadLetter> current = dao.findById(deadLetter.id())
                        .filter(dl -> DeadLetter.OPEN.equals(dl.state()));
                if (current.isEmpty()) {
                    skipped++;
                    continue;
                }
                pacer.awaitTurn();
                RecordMetadata position = publisher.publish(current.get());
                recordReplay(current.get(), position);
                replayed++;
            } catch (ReplayPublisher.ReplayFailedException e) {
                failures.add(new Failure(deadLetter, e.getMessage()));
                if (!e.recordOnly()) {
                    return new Outcome(replayed, skipped, failures, deadLetters.size() - i - 1);
                }
            } catch (JdbiException e) {
                failures.add(new Failure(deadLetter, "database: " + e.getMessage()));
                return new Outcome(replayed, skipped, failures, deadLetters.size() - i - 1);
            } finally {
                afterEach.run();
            }
        }
        return new Outcome(replayed, skipped, failures, 0);
    }

    /** Discards the open ones among {@code deadLetters}; the others are skipped. */
    Outcome discard(List<DeadLetter> deadLetters, String reason) {
        int discarded = 0;
        int skipped = 0;
        for (int i = 0; i < deadLetters.size(); i++) {
            DeadLetter deadLetter = deadLetters.get(i);
            try {
                boolean closed = handle.inTransaction(h -> {
                    DeadLetterDao dao = h.attach(DeadLetterDao.class);
                    if (dao.closeOpen(deadLetter.id(), DeadLetter.DISCARDED) == 0) {
                        return false;
                    }
                    dao.insertAction(deadLetter.id(), DeadLetter.DISCARDED, actor, reason, null, null, null);
                    return true;
                });
                if (closed) {
                    discarded++;
                } else {
                    skipped++;
                }
            } catch (JdbiException e) {
                List<Failure> failure = List.of(new Failure(deadLetter, "database: " + e.getMessage()));
                return new Outcome(discarded, skipped, failure, deadLetters.size() - i - 1);
            } finally {
                afterEach.run();
            }
        }
        return new Outcome(discarded, skipped, List.of(), 0);
    }

    /**
     * The audit row is written even if a colleague closed the dead letter since it was read: the replay did
     * happen, and where it went is what the trail is for.
     */
    private void recordReplay(DeadLetter deadLetter, RecordMetadata position) {
        handle.useTransaction(h -> {
            DeadLetterDao dao = h.attach(DeadLetterDao.class);
            dao.closeOpen(deadLetter.id(), DeadLetter.REPLAYED);
            dao.insertAction(deadLetter.id(), DeadLetter.REPLAYED, actor, null, position.topic(), position.partition(),
                    position.offset());
        });
    }
}
