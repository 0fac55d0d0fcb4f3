package dev.runline.gateway.edit;

import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.schemas.EditRequestedSerializer;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.EditRequested;
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
 * Publishes edits on the runs topic under the key of the runs of the unit they change, with the producer settings
 * runs are published with ({@code acks=all}, idempotent): the processor then applies an edit after every run of
 * that unit accepted before it, and before every run accepted after it.
 */
@Component
public class EditPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EditPublisher.class);

    private final DefaultKafkaProducerFactory<String, EditRequested> producers;
    private final KafkaTemplate<String, EditRequested> template;
    private final GatewayProperties gateway;

    public EditPublisher(KafkaProperties kafka, GatewayProperties gateway) {
        this.producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
                new EditRequestedSerializer());
        this.template = new KafkaTemplate<>(producers);
        this.gateway = gateway;
    }

    /** @param serialNumber the unit whose runs the edit is ordered with */
    public Mono<Void> publish(EditRequested edit, String serialNumber) {
        ProducerRecord<String, EditRequested> record = new ProducerRecord<>(gateway.topic(),
                RunPartitionKey.of(edit.getOrganizationId(), serialNumber), edit);
        // send() may block on metadata (bounded by max.block.ms): never on the event loop.
        return Mono.fromCallable(() -> template.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .timeout(gateway.publishTimeout())
                .onErrorMap(error -> !(error instanceof ApiException), error -> {
                    log.warn("event=edit_publish_failed edit_id={} error=\"{}\"", edit.getEditId(), error.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                            "The edit could not be handed to the broker; nothing was changed. Retry later.",
                            List.of(), gateway.retryAfter());
                })
                .then();
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
