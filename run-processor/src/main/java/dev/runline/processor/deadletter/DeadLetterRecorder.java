package dev.runline.processor.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records every dead letter in PostgreSQL, where operations list, replay and discard them. Reads the
 * dead-letter topic in its own consumer group, so the topic stays the source of truth: a dead letter written
 * while the database was down is recorded once it is back (the container retries without limit), and one
 * delivered twice is recorded once.
 */
@Component
public class DeadLetterRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final DeadLetterDao dao;
    private final String runsTopic;
    private final Counter recorded;

    public DeadLetterRecorder(Jdbi jdbi, dev.runline.processor.ProcessorProperties properties, MeterRegistry meters) {
        this.dao = jdbi.onDemand(DeadLetterDao.class);
        this.runsTopic = properties.topic();
        this.recorded = Counter.builder("runline.processor.dead.letters.recorded")
                .description("Dead letters recorded in PostgreSQL").register(meters);
    }

    @KafkaListener(id = "dead-letter-recorder", topics = "${runline.processor.dead-letter-topic}",
            groupId = "${runline.processor.dead-letter-recorder-group}", containerFactory = "deadLetterContainerFactory")
    public void record(ConsumerRecord<String, byte[]> record) {
        DeadLetter deadLetter = DeadLetters.of(record, runsTopic);
        if (dao.insert(deadLetter) == 1) {
            recorded.increment();
            log.info("event=dead_letter_recorded run_id={} organization_id={} code={} stage={} attempts={} message=\"{}\"",
                    deadLetter.runId(), deadLetter.organizationId(), deadLetter.errorCode(), deadLetter.stage(),
                    deadLetter.attempts(), deadLetter.errorMessage());
        }
    }
}
