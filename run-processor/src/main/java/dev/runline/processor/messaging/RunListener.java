package dev.runline.processor.messaging;

import dev.runline.processor.RunRejectedException;
import dev.runline.processor.TransientStoreException;
import dev.runline.processor.persist.RunWriter;
import dev.runline.schemas.event.RunAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes accepted runs one polled batch at a time and stores each batch in one transaction. The
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
    private final Counter stored;
    private final Counter redelivered;
    private final Counter failedBatches;

    public RunListener(RunWriter writer, MeterRegistry meters) {
        this.writer = writer;
        this.stored = Counter.builder("runline.processor.runs.stored")
                .description("Runs newly stored in PostgreSQL").register(meters);
        this.redelivered = Counter.builder("runline.processor.runs.redelivered")
                .description("Runs delivered again after they were stored (skipped)").register(meters);
        this.failedBatches = Counter.builder("runline.processor.batches.failed")
                .description("Batches that failed and will be retried (database trouble, deadlock, a bug)").register(meters);
    }

    @KafkaListener(id = "run-processor", idIsGroup = false, topics = "${runline.processor.topic}",
            concurrency = "${runline.processor.concurrency}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, RunAccepted>> records) {
        int undecodable = firstUndecodable(records);
        List<RunAccepted> events = new ArrayList<>(undecodable);
        for (int i = 0; i < undecodable; i++) {
            events.add(records.get(i).value());
        }
        store(events);
        if (undecodable < records.size()) {
            ConsumerRecord<String, RunAccepted> poison = records.get(undecodable);
            log.warn("event=undecodable_record topic={} partition={} offset={}",
                    poison.topic(), poison.partition(), poison.offset());
            throw new BatchListenerFailedException("Undecodable record", new UndecodableRecordException(), undecodable);
        }
    }

    private void store(List<RunAccepted> events) {
        try {
            record(writer.write(events));
        } catch (RunRejectedException rejected) {
            storeBefore(events, rejected);
        } catch (TransientStoreException transientFailure) {
            failedBatches.increment();
            log.warn("event=batch_retry runs={} error=\"{}\"", events.size(), rootCause(transientFailure));
            throw new BatchListenerFailedException(transientFailure.getMessage(), transientFailure, 0);
        } catch (RuntimeException | LinkageError | AssertionError unexpected) {
            // Not attributable to one run (a bug, most likely): retried with back-off, loudly, never dropped.
            // An Error would otherwise stop the container silently; only VirtualMachineErrors are let through.
            failedBatches.increment();
            log.error("event=batch_failed runs={}", events.size(), unexpected);
            throw new BatchListenerFailedException("Storing the batch failed", unexpected, 0);
        }
    }

    /**
     * Stores the runs before the rejected one, then hands the rejected one to the error handler. Without
     * the runs after it, an earlier run can fail too (its sub-unit was created by a later run): then the
     * earliest failing run is the one handed over, so no valid run is ever dead-lettered with it.
     */
    private void storeBefore(List<RunAccepted> events, RunRejectedException rejected) {
        RunRejectedException first = rejected;
        while (true) {
            try {
                record(writer.write(events.subList(0, first.index())));
                break;
            } catch (RunRejectedException earlier) {
                first = earlier;
            } catch (TransientStoreException transientFailure) {
                failedBatches.increment();
                throw new BatchListenerFailedException(transientFailure.getMessage(), transientFailure, 0);
            }
        }
        log.info("event=run_rejected run_id={} code={} message=\"{}\"",
                events.get(first.index()).getRunId(), first.code(), first.getMessage());
        throw new BatchListenerFailedException(first.getMessage(), first, first.index());
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

    /** Records whose bytes did not decode arrive with a null value (error-handling deserializer). */
    private static int firstUndecodable(List<ConsumerRecord<String, RunAccepted>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                return i;
            }
        }
        return records.size();
    }

    /** A record that is not a run event this version can read: dead-lettered with its original bytes. */
    public static final class UndecodableRecordException extends RuntimeException {
        UndecodableRecordException() {
            super("The record's value is not a decodable run event", null, false, false);
        }
    }
}
