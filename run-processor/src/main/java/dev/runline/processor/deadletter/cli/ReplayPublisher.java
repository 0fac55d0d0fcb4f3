package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import dev.runline.processor.deadletter.DeadLetters;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a dead letter's original record (key, value bytes, original headers and the attempt count) back
 * to the topic it came from, and waits for the broker's acknowledgement: a replay counts only once the
 * broker has it.
 */
final class ReplayPublisher implements AutoCloseable {

    private static final int DELIVERY_TIMEOUT_MS = 30_000;
    /** Beyond the producer's own delivery timeout, so the producer reports its error rather than us a bare timeout. */
    private static final Duration ACK_TIMEOUT = Duration.ofMillis(DELIVERY_TIMEOUT_MS).plusSeconds(5);

    private final Producer<String, byte[]> producer;

    ReplayPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    static ReplayPublisher connect(String bootstrapServers) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Tells replays apart from the gateway's traffic in broker logs, metrics and quotas.
                ProducerConfig.CLIENT_ID_CONFIG, "runline-dead-letters",
                // The defaults since Kafka 3.0, set explicitly because a dead letter is closed on this ack:
                // every in-sync replica must have the replay, and a retried send must not write it twice.
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Runs with thousands of measurements exceed the 1 MB default (as for the gateway and the processor).
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
                // Each record is sent alone and awaited; waiting for a batch to fill would only slow the replay.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // An operator waits for the answer: fail a send after 30 s instead of the default 2 minutes...
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS,
                // ...which must be at least linger.ms + request.timeout.ms.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                // An unreachable broker fails the first send after 15 s instead of blocking it for a minute.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return new ReplayPublisher(new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer()));
    }

    /**
     * @return where the broker stored the replay
     * @throws ReplayFailedException when the broker did not acknowledge it; nothing may be assumed stored
     */
    RecordMetadata publish(DeadLetter deadLetter) throws InterruptedException {
        // No timestamp: the broker's current time. The original one could make retention delete a replay
        // of an old dead letter before the processor reads it.
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetter.originalTopic(), null, null,
                deadLetter.recordKey(), deadLetter.recordValue(), DeadLetters.replayHeaders(deadLetter));
        try {
            return producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ReplayFailedException(e.getCause());
        } catch (TimeoutException e) {
            throw new ReplayFailedException(e);
        } catch (KafkaException e) {
            throw new ReplayFailedException(e); // send() itself refused, e.g. metadata not available in time
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** The broker did not acknowledge a replay. */
    static final class ReplayFailedException extends RuntimeException {

        ReplayFailedException(Throwable cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }

        /**
         * Whether only this record is at fault (too large, invalid), so the next ones may still succeed;
         * otherwise the broker or the topic is the problem and every further send would fail the same way.
         */
        boolean recordOnly() {
            Throwable cause = getCause();
            return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof CorruptRecordException;
        }
    }
}
