package dev.runline.gateway.attachment;

import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.schemas.AttachmentLinkedSerializer;
import dev.runline.schemas.event.AttachmentLinked;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes links of uploads to runs, keyed by run id, with the producer settings runs are published with
 * ({@code acks=all}, idempotent): a link is answered 200 only once the broker has it. A failure is a 503 and
 * the caller undoes its claim on the upload.
 */
@Component
public class AttachmentLinkPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AttachmentLinkPublisher.class);

    private final DefaultKafkaProducerFactory<String, AttachmentLinked> producers;
    private final KafkaTemplate<String, AttachmentLinked> template;
    private final UploadProperties uploads;
    private final GatewayProperties gateway;

    public AttachmentLinkPublisher(KafkaProperties kafka, UploadProperties uploads, GatewayProperties gateway) {
        this.producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
                new AttachmentLinkedSerializer());
        this.template = new KafkaTemplate<>(producers);
        this.uploads = uploads;
        this.gateway = gateway;
    }

    public Mono<Void> publish(AttachmentLinked link) {
        ProducerRecord<String, AttachmentLinked> record =
                new ProducerRecord<>(uploads.linkTopic(), link.getRunId().toString(), link);
        // send() may block on metadata (bounded by max.block.ms): never on the event loop.
        return Mono.fromCallable(() -> template.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .timeout(gateway.publishTimeout())
                .onErrorMap(error -> !(error instanceof ApiException), error -> {
                    log.warn("event=link_publish_failed upload_id={} run_id={} error=\"{}\"",
                            link.getUploadId(), link.getRunId(), error.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                            "The link could not be handed to the broker; the file is not linked. Retry later.",
                            List.of(), gateway.retryAfter());
                })
                .then();
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
