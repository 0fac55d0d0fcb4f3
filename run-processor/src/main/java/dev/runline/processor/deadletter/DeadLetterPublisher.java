package dev.runline.processor.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * spring-kafka's dead-letter publisher (original key, value bytes, headers and timestamp kept; the
 * original position and the exception added) with Runline's headers, where a record that failed before
 * (a replay) gets its error headers replaced rather than appended: each {@code runline-*} header appears
 * once, with the newest value, and spring-kafka strips its own earlier exception headers.
 */
public final class DeadLetterPublisher extends DeadLetterPublishingRecoverer {

    private final MeterRegistry meters;

    public DeadLetterPublisher(KafkaOperations<?, ?> template,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination, MeterRegistry meters) {
        super(template, destination);
        this.meters = meters;
        setHeadersFunction(DeadLetterHeaders::of);
        setAppendOriginalHeaders(false);
        setStripPreviousExceptionHeaders(true);
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
            TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
        keepNewestRunlineHeaders(headers);
        return super.createProducerRecord(record, topicPartition, headers, key, value);
    }

    /** Counted once the broker acknowledged the dead letter (a failed send throws and is retried). */
    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, exception);
        Counter.builder("runline.processor.dead.letters")
                .description("Records written to the dead-letter topic, by error code")
                .tag("code", DeadLetterHeaders.text(DeadLetterHeaders.of(record, exception), DeadLetterHeaders.CODE))
                .register(meters)
                .increment();
    }

    static void keepNewestRunlineHeaders(Headers headers) {
        List<Header> newest = new ArrayList<>();
        for (Header header : headers) {
            if (header.key().startsWith(DeadLetterHeaders.PREFIX)
                    && newest.stream().noneMatch(kept -> kept.key().equals(header.key()))) {
                newest.add(headers.lastHeader(header.key()));
            }
        }
        newest.forEach(header -> {
            headers.remove(header.key());
            headers.add(header);
        });
    }
}
