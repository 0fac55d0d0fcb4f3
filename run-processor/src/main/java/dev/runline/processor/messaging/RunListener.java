package dev.runline.processor.messaging;

import dev.runline.processor.RunRejectedException;
import dev.runline.processor.TransientStoreException;
import dev.runline.processor.edit.EditApplier;
import dev.runline.processor.persist.RunWriter;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * <p>Every failure leaves as a {@link BatchListenerFailedException} naming the first record that could
 * not be stored, after the records before it were stored: the error handler then commits those, applies
 * the back-off of that record's failure (dead letter at once for a rejected run, a bounded wait for a
 * missing sub-unit, unbounded retries for a database outage) and redelivers the rest. Nothing reaches
 * spring-kafka's whole-batch fallback, which could only retry or dead-letter every record of the poll.
 */
@Component
public class RunListener {

    private static final Logger log = LoggerFactory.getLogger(RunListener.class);

    private final RunWriter writer;
    private final EditApplier edits;
    private final Counter stored;
    private final Counter redelivered;
    private final Counter failedBatches;

    public RunListener(RunWriter writer, EditApplier edits, MeterRegistry meters) {
        this.writer = writer;
        this.edits = edits;
        this.stored = Counter.builder("runline.processor.runs.stored")
                .description("Runs newly stored in PostgreSQL").register(meters);
        this.redelivered = Counter.builder("runline.processor.runs.redelivered")
                .description("Runs delivered again after they were stored (skipped)").register(meters);
        this.failedBatches = Counter.builder("runline.processor.batches.failed")
                .description("Batches that failed and will be retried (database trouble, deadlock, a bug)").register(meters);
    }

    @KafkaListener(id = "run-processor", idIsGroup = false, topics = "${runline.processor.topic}",
            concurrency = "${runline.processor.concurrency}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, SpecificRecord>> records) {
        // Runs are stored a stretch at a time; an edit between two stretches applies after the first and before
        // the second, as it was published: the order of a unit's runs and edits on its partition is kept.
        List<RunAccepted> stretch = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            SpecificRecord value = records.get(i).value();
            if (value instanceof RunAccepted run) {
                stretch.add(run);
                continue;
            }
            store(stretch, i - stretch.size());
            stretch.clear();
            if (value instanceof EditRequested edit) {
                apply(edit, i);
            } else {
                ConsumerRecord<String, SpecificRecord> poison = records.get(i);
                log.warn("event=undecodable_record topic={} partition={} offset={}",
                        poison.topic(), poison.partition(), poison.offset());
                throw new BatchListenerFailedException("Undecodable record", new UndecodableRecordException(), i);
            }
        }
        store(stretch, records.size() - stretch.size());
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

    /** Stores a stretch of runs, the first of them at {@code base} in the polled batch. */
    private void store(List<RunAccepted> events, int base) {
        if (events.isEmpty()) {
            return;
        }
        try {
            record(writer.write(events));
        } catch (RunRejectedException rejected) {
            storeBefore(events, base, rejected);
        } catch (TransientStoreException transientFailure) {
            failedBatches.increment();
            log.warn("event=batch_retry runs={} error=\"{}\"", events.size(), rootCause(transientFailure));
            throw new BatchListenerFailedException(transientFailure.getMessage(), transientFailure, base);
        } catch (RuntimeException | LinkageError | AssertionError unexpected) {
            // Not attributable to one run (a bug, most likely): retried with back-off, loudly, never dropped.
            // An Error would otherwise stop the container silently; only VirtualMachineErrors are let through.
            failedBatches.increment();
            log.error("event=batch_failed runs={}", events.size(), unexpected);
            throw new BatchListenerFailedException("Storing the batch failed", unexpected, base);
        }
    }

    /**
     * Stores the runs before the rejected one, then hands the rejected one to the error handler. Without
     * the runs after it, an earlier run can fail too (its sub-unit was created by a later run): then the
     * earliest failing run is the one handed over, so no valid run is ever dead-lettered with it.
     */
    private void storeBefore(List<RunAccepted> events, int base, RunRejectedException rejected) {
        RunRejectedException first = rejected;
        while (true) {
            try {
                record(writer.write(events.subList(0, first.index())));
                break;
            } catch (RunRejectedException earlier) {
                first = earlier;
            } catch (TransientStoreException transientFailure) {
                failedBatches.increment();
                throw new BatchListenerFailedException(transientFailure.getMessage(), transientFailure, base);
            }
        }
        log.info("event=run_rejected run_id={} code={} message=\"{}\"",
                events.get(first.index()).getRunId(), first.code(), first.getMessage());
        throw new BatchListenerFailedException(first.getMessage(), first, base + first.index());
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
