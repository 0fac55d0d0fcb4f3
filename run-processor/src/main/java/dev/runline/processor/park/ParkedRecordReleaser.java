package dev.runline.processor.park;

import dev.runline.processor.MissingSubUnitException;
import dev.runline.processor.ProcessorProperties;
import dev.runline.processor.RunRejectedException;
import dev.runline.processor.TransientStoreException;
import dev.runline.processor.deadletter.DeadLetterPublisher;
import dev.runline.processor.deadletter.DeadLetters;
import dev.runline.processor.edit.EditApplier;
import dev.runline.processor.persist.RunWriter;
import dev.runline.schemas.RunTopicCodec;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.KafkaException;
import org.springframework.stereotype.Component;

/**
 * Re-checks parked records every {@code sub-unit-retry-interval}, the oldest of each unit first: a run whose
 * sub-units now exist is stored (in the transaction that deletes its parked row, so it is stored once), an edit
 * is applied (idempotent by edit id), and what was behind it becomes due at once; a run whose sub-unit is still
 * missing after {@code sub-unit-wait} is dead-lettered as NOT_FOUND with the headers, key and value it would
 * have had without parking, so the dead-letter tools (list, replay) treat it as any other.
 *
 * <p>One record per transaction, locked with {@code SKIP LOCKED}: every processor instance runs this, and
 * they share the units between them without waiting on each other.
 */
@Component
public class ParkedRecordReleaser implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParkedRecordReleaser.class);

    /** Bounds one round, so that stopping the processor never waits behind a long backlog. */
    private static final int MAX_PER_ROUND = 10_000;

    private final Jdbi jdbi;
    private final RunWriter writer;
    private final EditApplier edits;
    private final DeadLetterPublisher deadLetters;
    private final ProcessorProperties properties;
    private final RunTopicCodec codec = new RunTopicCodec();
    private final Counter stored;
    private final Counter released;
    private final Counter expired;
    private volatile ScheduledExecutorService scheduler;

    public ParkedRecordReleaser(Jdbi jdbi, RunWriter writer, EditApplier edits, DeadLetterPublisher deadLetters,
            ProcessorProperties properties, MeterRegistry meters) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.edits = edits;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.stored = Counter.builder("runline.processor.runs.stored")
                .description("Runs newly stored in PostgreSQL").register(meters);
        this.released = Counter.builder("runline.processor.records.released")
                .description("Parked records stored or applied once their unit's sub-units existed").register(meters);
        this.expired = Counter.builder("runline.processor.records.expired")
                .description("Parked runs dead-lettered because a sub-unit was still missing after the wait").register(meters);
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("parked-records").daemon().factory());
        long interval = Math.max(1, properties.subUnitRetryInterval().toMillis());
        started.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Releases what is due until nothing is; never throws, which would cancel every later round. */
    void round() {
        try {
            for (int i = 0; i < MAX_PER_ROUND && scheduler != null && releaseNext(); i++) {
                // one record per transaction
            }
        } catch (Throwable unexpected) {
            log.error("event=parked_round_failed", unexpected);
        }
    }

    /** @return whether a record was due (and another may be) */
    boolean releaseNext() {
        AtomicReference<UUID> current = new AtomicReference<>();
        try {
            return jdbi.inTransaction(handle -> {
                ParkingDao dao = handle.attach(ParkingDao.class);
                Optional<ParkedHead> head = dao.lockDueHead();
                head.ifPresent(found -> current.set(found.id()));
                head.ifPresent(found -> release(handle, dao, found));
                return head.isPresent();
            });
        } catch (TransientStoreException | KafkaException unavailable) {
            // The database or the broker (for a dead letter) is away: everything stays parked until the next round.
            log.warn("event=parked_release_retry id={} error=\"{}\"", current.get(), unavailable.toString());
            return false;
        } catch (JdbiException e) {
            if (TransientStoreException.isTransient(e)) {
                log.warn("event=parked_release_retry id={} error=\"{}\"", current.get(), e.toString());
                return false;
            }
            return postponeAfterFailure(current.get(), e);
        } catch (RuntimeException unexpected) {
            return postponeAfterFailure(current.get(), unexpected);
        }
    }

    private void release(Handle handle, ParkingDao dao, ParkedHead head) {
        long waitedMillis = Duration.between(head.parkedAt(), Instant.now()).toMillis();
        if (ParkedRecord.EDIT.equals(head.kind())) {
            EditRequested edit = (EditRequested) codec.decode(head.payload());
            // In its own transaction, as from the listener; applied twice (a crash before this delete commits) is
            // a no-op, since the edit records its outcome by id.
            edits.apply(edit);
            dao.release(head.id());
            released.increment();
            log.info("event=parked_edit_applied edit_id={} unit_key={} waited_ms={}", head.id(), head.unitKey(), waitedMillis);
            return;
        }
        RunAccepted run = (RunAccepted) codec.decode(head.payload());
        try {
            RunWriter.Stored result = writer.writeIn(handle, run);
            dao.release(head.id());
            stored.increment(result.stored());
            released.increment();
            log.info("event=parked_run_stored run_id={} unit_key={} waited_ms={}", head.id(), head.unitKey(), waitedMillis);
        } catch (MissingSubUnitException missing) {
            switch (ParkingPlan.Release.of(true, head.expired())) {
                case WAIT -> dao.postpone(head.id(), properties.subUnitRetryInterval().toMillis(), missing.getMessage());
                default -> {
                    deadLetter(head, run, missing);
                    dao.release(head.id());
                    expired.increment();
                }
            }
        } catch (RunRejectedException rejected) {
            // Refused for another reason (its procedure was deleted meanwhile, ...): as the listener would have.
            deadLetter(head, run, rejected);
            dao.release(head.id());
        }
    }

    /**
     * Written before the parked row is deleted, and the send awaited: a failed send keeps the run parked. A crash
     * between the two writes the dead letter again on the next round (recorded twice, replayed once: the run id
     * is the key of what a replay stores).
     */
    private void deadLetter(ParkedHead head, RunAccepted run, RunRejectedException reason) {
        ConsumerRecord<String, Object> original = new ConsumerRecord<>(head.topic(), head.partition(), head.offset(),
                head.recordTimestamp(), TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE,
                head.unitKey(), run, DeadLetters.headers(head.recordHeadersJson()), Optional.empty());
        deadLetters.accept(original, null, reason);
        log.info("event=run_rejected run_id={} code={} message=\"{}\" parked=true", run.getRunId(), reason.code(),
                reason.getMessage());
    }

    /** A bug, most likely: loud, and tried again later, without holding up the other units meanwhile. */
    private boolean postponeAfterFailure(UUID id, RuntimeException failure) {
        log.error("event=parked_release_failed id={}", id, failure);
        if (id == null) {
            return false;
        }
        try {
            jdbi.useExtension(ParkingDao.class, dao -> dao.postpone(id, properties.retryMax().toMillis(),
                    "Releasing failed: " + failure));
            return true;
        } catch (RuntimeException again) {
            log.warn("event=parked_release_retry id={} error=\"{}\"", id, again.toString());
            return false;
        }
    }
}
