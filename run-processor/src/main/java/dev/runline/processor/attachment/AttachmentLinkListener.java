package dev.runline.processor.attachment;

import dev.runline.processor.ProcessorProperties;
import dev.runline.processor.TransientStoreException;
import dev.runline.processor.persist.AttachmentDao;
import dev.runline.processor.persist.AttachmentRow;
import dev.runline.processor.persist.RejectedData;
import dev.runline.schemas.AttachmentLinkedCodec;
import dev.runline.schemas.UndecodableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores links of uploaded files to runs, a polled batch per transaction. A link needs nothing resolved: it
 * is stored even when its run is not (yet): stations link files right after the run's 200, and the run may
 * be stored a moment later. What cannot be stored never holds the partition: a record that does not decode,
 * or that the database refuses as data, goes to the attachments' dead-letter topic with its original bytes;
 * the database being away is retried (the container's back-off) until it is back.
 */
@Component
public class AttachmentLinkListener {

    private static final Logger log = LoggerFactory.getLogger(AttachmentLinkListener.class);
    private static final long DEAD_LETTER_TIMEOUT_SECONDS = 30;

    private final Jdbi jdbi;
    private final AttachmentLinkedCodec codec = new AttachmentLinkedCodec();
    private final KafkaTemplate<Object, Object> deadLetters;
    private final String deadLetterTopic;
    private final Counter stored;
    private final Counter deadLettered;

    public AttachmentLinkListener(Jdbi jdbi, KafkaTemplate<Object, Object> deadLetterTemplate,
            ProcessorProperties properties, MeterRegistry meters) {
        this.jdbi = jdbi;
        this.deadLetters = deadLetterTemplate;
        this.deadLetterTopic = properties.attachmentDeadLetterTopic();
        this.stored = Counter.builder("runline.processor.attachments.linked")
                .description("Attachment links stored (a redelivered link counts once)").register(meters);
        this.deadLettered = Counter.builder("runline.processor.attachments.dead.lettered")
                .description("Attachment links that could not be decoded or stored").register(meters);
    }

    @KafkaListener(id = "attachment-links", topics = "${runline.processor.attachment-topic}",
            containerFactory = "attachmentLinkContainerFactory")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<AttachmentRow> rows = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                rows.add(AttachmentRow.of(codec.decode(record.value() == null ? new byte[0] : record.value())));
                decoded.add(record);
            } catch (UndecodableEventException e) {
                deadLetter(record, e.getMessage());
            }
        }
        try {
            insert(rows);
        } catch (JdbiException e) {
            if (!RejectedData.isDataError(e)) {
                throw e;
            }
            // One link the database refuses must not hold the others: store them one by one.
            for (int i = 0; i < rows.size(); i++) {
                try {
                    insert(List.of(rows.get(i)));
                } catch (JdbiException refused) {
                    if (!RejectedData.isDataError(refused)) {
                        throw refused;
                    }
                    deadLetter(decoded.get(i), RejectedData.describe(refused));
                }
            }
        }
    }

    private void insert(List<AttachmentRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] counts = jdbi.inTransaction(handle -> handle.attach(AttachmentDao.class).insert(rows));
        for (int count : counts) {
            stored.increment(Math.max(0, count));
        }
    }

    /** Synchronously: the batch's offsets are committed only once the dead letter is safely written. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("event=attachment_link_dead_lettered partition={} offset={} reason=\"{}\"",
                record.partition(), record.offset(), reason);
        ProducerRecord<Object, Object> letter = new ProducerRecord<>(deadLetterTopic, null, record.timestamp(),
                record.key(), record.value());
        letter.headers().add("runline-dlt-reason", reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        letter.headers().add("runline-dlt-original", (record.topic() + "/" + record.partition() + "/" + record.offset())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            deadLetters.send(letter).get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            deadLettered.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientStoreException("Interrupted while dead-lettering an attachment link", e);
        } catch (ExecutionException | TimeoutException e) {
            // The broker is away: the whole batch is retried, the link is not skipped.
            throw new TransientStoreException("Could not dead-letter an attachment link", e);
        }
    }
}
