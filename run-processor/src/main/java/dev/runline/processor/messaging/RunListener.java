package dev.runline.processor.messaging;

import dev.runline.processor.MissingSubUnitException;
import dev.runline.processor.RunRejectedException;
import dev.runline.processor.TransientStoreException;
import dev.runline.processor.edit.EditApplier;
import dev.runline.processor.park.ParkedRecord;
import dev.runline.processor.park.Parking;
import dev.runline.processor.park.ParkingPlan;
import dev.runline.processor.persist.RunWriter;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes accepted runs and edits one polled batch at a time: each stretch of runs is stored in one transaction,
 * each edit applied in its own ({@link EditApplier}). The
 * container commits the batch's offsets only after this method returned, i.e. after the database commit.
 *
 * <p>A run that names a sub-unit that does not exist yet is parked ({@link Parking}), in the same transaction
 * as the runs stored beside it, and so is everything of its unit after it, runs and edits: the partition
 * moves on at once, and {@link dev.runline.processor.park.ParkedRecordReleaser} stores them, in order, once the
 * sub-unit exists (or dead-letters the run after {@code sub-unit-wait}).
 *
 * <p>Every other failure leaves as a {@link BatchListenerFailedException} naming the first record that could
 * not be stored, after the records before it were stored: the error handler then commits those, applies
 * the back-off of that record's failure (dead letter at once for a rejected run, unbounded retries for a
 * database outage) and redelivers the rest. Nothing reaches spring-kafka's whole-batch fallback, which could
 * only retry or dead-letter every record of the poll.
 */
@Component
public class RunListener {

    private static final Logger log = LoggerFactory.getLogger(RunListener.class);

    private final RunWriter writer;
    private final EditApplier edits;
    private final Parking parking;
    private final Counter stored;
    private final Counter redelivered;
    private final Counter failedBatches;
    private final Counter parkedRuns;
    private final Counter parkedEdits;

    public RunListener(RunWriter writer, EditApplier edits, Parking parking, MeterRegistry meters) {
        this.writer = writer;
        this.edits = edits;
        this.parking = parking;
        this.stored = Counter.builder("runline.processor.runs.stored")
                .description("Runs newly stored in PostgreSQL").register(meters);
        this.redelivered = Counter.builder("runline.processor.runs.redelivered")
                .description("Runs delivered again after they were stored (skipped)").register(meters);
        this.failedBatches = Counter.builder("runline.processor.batches.failed")
                .description("Batches that failed and will be retried (database trouble, deadlock, a bug)").register(meters);
        this.parkedRuns = Counter.builder("runline.processor.records.parked").tag("kind", "run")
                .description("Records parked to wait for a sub-unit, or behind a parked record of their unit").register(meters);
        this.parkedEdits = Counter.builder("runline.processor.records.parked").tag("kind", "edit")
                .description("Records parked to wait for a sub-unit, or behind a parked record of their unit").register(meters);
    }

    @KafkaListener(id = "run-processor", idIsGroup = false, topics = "${runline.processor.topic}",
            concurrency = "${runline.processor.concurrency}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, SpecificRecord>> records) {
        // Units with a record parked already: their records in this batch park behind it, in order.
        Set<String> parked = parkedAmong(records);
        // Runs are stored a stretch at a time; an edit between two stretches applies after the first and before
        // the second, as it was published: the order of a unit's runs and edits on its partition is kept.
        List<Integer> stretch = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, SpecificRecord> record = records.get(i);
            if (record.value() instanceof RunAccepted) {
                stretch.add(i);
                continue;
            }
            store(records, stretch, parked);
            stretch.clear();
            if (record.value() instanceof EditRequested edit) {
                if (ParkingPlan.parks(Parking.unitKey(record), parked)) {
                    park(record, edit, i);
                } else {
                    apply(edit, i);
                }
            } else {
                log.warn("event=undecodable_record topic={} partition={} offset={}",
                        record.topic(), record.partition(), record.offset());
                throw new BatchListenerFailedException("Undecodable record", new UndecodableRecordException(), i);
            }
        }
        store(records, stretch, parked);
    }

    private Set<String> parkedAmong(List<ConsumerRecord<String, SpecificRecord>> records) {
        try {
            return parking.parkedAmong(records.stream().map(Parking::unitKey).toList());
        } catch (JdbiException e) {
            failedBatches.increment();
            log.warn("event=batch_retry records={} error=\"{}\"", records.size(), rootCause(e));
            throw new BatchListenerFailedException("Reading parked units failed", failure(e), 0);
        }
    }

    private void park(ConsumerRecord<String, SpecificRecord> record, EditRequested edit, int index) {
        try {
            parking.park(parking.edit(record, edit));
        } catch (JdbiException e) {
            failedBatches.increment();
            log.warn("event=edit_retry edit_id={} error=\"{}\"", edit.getEditId(), rootCause(e));
            throw new BatchListenerFailedException("Parking the edit failed", failure(e), index);
        }
        parkedEdits.increment();
        log.info("event=edit_parked edit_id={} unit_key={}", edit.getEditId(), record.key());
    }

    private static RuntimeException failure(JdbiException e) {
        return TransientStoreException.isTransient(e) ? new TransientStoreException(e.getMessage(), e) : e;
    }

    private void apply(EditRequested edit, int index) {
        try {
            edits.apply(edit);
        } catch (TransientStoreException transientFailure) {
            failedBatches.increment();
            log.warn("event=edit_retry edit_id={} error=\"{}\"", edit.getEditId(), rootCause(transientFailure));
            throw new BatchListenerFailedException(transientFailure.getMessage(), transientFailure, index);
        } catch (RuntimeException | LinkageError | AssertionError unexpected) {
            // As for a batch of runs: a bug is retried with back-off, loudly; the edit's caller waits meanwhile.
            failedBatches.increment();
            log.error("event=edit_failed edit_id={}", edit.getEditId(), unexpected);
            throw new BatchListenerFailedException("Applying the edit failed", unexpected, index);
        }
    }

    /**
     * Stores a stretch of runs (their positions in the polled batch), parking those that wait for a sub-unit and
     * those behind them, in one transaction. Attempts shrink until one commits: a run found missing a sub-unit
     * moves to the parked side; a run that can never be stored cuts the stretch before it, and is handed to the
     * error handler once what precedes it is committed. Without the runs after it, an earlier run can fail too
     * (its sub-unit was created by a later run): that one parks, so no valid run is dead-lettered with another.
     */
    private void store(List<ConsumerRecord<String, SpecificRecord>> records, List<Integer> stretch, Set<String> parked) {
        if (stretch.isEmpty()) {
            return;
        }
        Map<Integer, String> missing = new HashMap<>();
        int limit = stretch.size();
        RunRejectedException rejected = null;
        while (true) {
            List<Integer> scope = stretch.subList(0, limit);
            SortedSet<Integer> parks = ParkingPlan.parking(
                    scope.stream().map(index -> Parking.unitKey(records.get(index))).toList(), parked, missing.keySet());
            List<Integer> writes = new ArrayList<>();
            List<ParkedRecord> parkedRecords = new ArrayList<>();
            for (int position = 0; position < scope.size(); position++) {
                ConsumerRecord<String, SpecificRecord> record = records.get(scope.get(position));
                if (parks.contains(position)) {
                    parkedRecords.add(parking.run(record, (RunAccepted) record.value(), missing.get(position)));
                } else {
                    writes.add(position);
                }
            }
            try {
                record(writer.write(writes.stream().map(position -> (RunAccepted) records.get(scope.get(position)).value())
                        .toList(), handle -> parking.park(handle, parkedRecords)));
                parkedRecords.forEach(run -> {
                    parked.add(run.unitKey());
                    log.info("event=run_parked run_id={} unit_key={} reason=\"{}\"", run.id(), run.unitKey(), run.reason());
                });
                parkedRuns.increment(parkedRecords.size());
                break;
            } catch (MissingSubUnitException waiting) {
                waiting.missing().forEach((index, serial) -> missing.put(writes.get(index), serial));
            } catch (RunRejectedException refused) {
                int cut = writes.get(refused.index());
                limit = cut;
                rejected = refused;
                missing.keySet().removeIf(position -> position >= cut);
            } catch (TransientStoreException transientFailure) {
                failedBatches.increment();
                log.warn("event=batch_retry runs={} error=\"{}\"", scope.size(), rootCause(transientFailure));
                throw new BatchListenerFailedException(transientFailure.getMessage(), transientFailure, stretch.getFirst());
            } catch (RuntimeException | LinkageError | AssertionError unexpected) {
                // Not attributable to one run (a bug, most likely): retried with back-off, loudly, never dropped.
                // An Error would otherwise stop the container silently; only VirtualMachineErrors are let through.
                failedBatches.increment();
                log.error("event=batch_failed runs={}", scope.size(), unexpected);
                throw new BatchListenerFailedException("Storing the batch failed", unexpected, stretch.getFirst());
            }
        }
        if (rejected != null) {
            RunAccepted run = (RunAccepted) records.get(stretch.get(limit)).value();
            log.info("event=run_rejected run_id={} code={} message=\"{}\"", run.getRunId(), rejected.code(),
                    rejected.getMessage());
            throw new BatchListenerFailedException(rejected.getMessage(), rejected, stretch.get(limit));
        }
    }

    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }

    private void record(RunWriter.Stored result) {
        stored.increment(result.stored());
        redelivered.increment(result.alreadyStored());
    }

    /** A record that is not a run event this version can read: dead-lettered with its original bytes. */
    public static final class UndecodableRecordException extends RuntimeException {
        UndecodableRecordException() {
            super("The record's value is not a decodable run event", null, false, false);
        }
    }
}
