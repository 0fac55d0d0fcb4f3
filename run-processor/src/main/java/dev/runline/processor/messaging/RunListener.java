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
 * A run that cannot be stored is isolated: the runs before it are stored, then
 * {@link BatchListenerFailedException} hands it (by index) to the error handler, which dead-letters it
 * and redelivers the runs after it.
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
        try {
            record(writer.write(events));
        } catch (TransientStoreException transientFailure) {
            failedBatches.increment();
            log.warn("event=batch_retry runs={} error=\"{}\"", events.size(), rootCause(transientFailure));
            throw transientFailure;
        } catch (RunRejectedException rejected) {
            handleRejected(events, rejected);
        } catch (RuntimeException unexpected) {
            // Not attributable to one run: retried with back-off like a transient failure, loudly.
            failedBatches.increment();
            log.error("event=batch_failed runs={}", events.size(), unexpected);
            throw unexpected;
        }
        if (undecodable < records.size()) {
            ConsumerRecord<String, RunAccepted> poison = records.get(undecodable);
            log.warn("event=undecodable_record topic={} partition={} offset={}",
                    poison.topic(), poison.partition(), poison.offset());
            throw new BatchListenerFailedException("Undecodable record", new UndecodableRecordException(), undecodable);
        }
    }

    /** Stores the runs before the rejected one, then hands the rejected one to the dead-letter path. */
    private void handleRejected(List<RunAccepted> events, RunRejectedException rejected) {
        log.info("event=run_rejected run_id={} code={} message=\"{}\"",
                events.get(rejected.index()).getRunId(), rejected.code(), rejected.getMessage());
        record(writer.write(events.subList(0, rejected.index())));
        throw new BatchListenerFailedException(rejected.getMessage(), rejected, rejected.index());
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
