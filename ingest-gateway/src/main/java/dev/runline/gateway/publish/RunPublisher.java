package dev.runline.gateway.publish;

import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.RunAccepted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes accepted runs and completes only once the broker acknowledged the write ({@code acks=all},
 * idempotent producer). Any failure or a missing acknowledgement within {@code publish-timeout} becomes
 * a 503 with {@code Retry-After}: the station retries, nothing was accepted.
 */
@Component
public class RunPublisher {

    private static final Logger log = LoggerFactory.getLogger(RunPublisher.class);

    private final KafkaTemplate<String, RunAccepted> template;
    private final GatewayProperties properties;
    private final Timer acknowledged;
    private final Timer failed;

    public RunPublisher(KafkaTemplate<String, RunAccepted> template, ProducerFactory<String, RunAccepted> producers,
            GatewayProperties properties, MeterRegistry meters) {
        this.template = template;
        this.properties = properties;
        this.acknowledged = Timer.builder("runline.gateway.publish").tag("outcome", "acknowledged")
                .description("Time from publish to the broker's acknowledgement").register(meters);
        this.failed = Timer.builder("runline.gateway.publish").tag("outcome", "failed")
                .description("Time until a publish failed or timed out").register(meters);
        requireTimeoutAboveProducerLimits(producers, properties);
        // The producer is otherwise created at the first request: a bad setting must fail start-up instead.
        producers.createProducer().close();
    }

    /**
     * A 503 says "nothing was accepted": true only if the producer itself has given up by then, i.e. after
     * blocking for metadata (max.block.ms) and delivering (delivery.timeout.ms).
     */
    private static void requireTimeoutAboveProducerLimits(ProducerFactory<?, ?> producers, GatewayProperties properties) {
        Map<String, Object> settings = producers.getConfigurationProperties();
        long maxBlock = millis(settings.get(ProducerConfig.MAX_BLOCK_MS_CONFIG), 60_000);
        long delivery = millis(settings.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), 120_000);
        if (properties.publishTimeout().toMillis() <= maxBlock + delivery) {
            throw new IllegalStateException("runline.gateway.publish-timeout (" + properties.publishTimeout()
                    + ") must exceed the producer's max.block.ms + delivery.timeout.ms (" + (maxBlock + delivery)
                    + " ms); otherwise a run answered 503 may still be written");
        }
    }

    private static long millis(Object value, long fallback) {
        return value == null ? fallback : Long.parseLong(value.toString());
    }

    public Mono<Void> publish(RunAccepted event) {
        ProducerRecord<String, RunAccepted> record = new ProducerRecord<>(
                properties.topic(),
                RunPartitionKey.of(event.getOrganizationId(), event.getRun().getSerialNumber()),
                event);
        return Mono.defer(() -> {
                    long started = System.nanoTime();
                    // send() may block on metadata (bounded by max.block.ms): never on the event loop.
                    return Mono.fromCallable(() -> template.send(record))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(Mono::fromFuture)
                            .timeout(properties.publishTimeout())
                            .doOnSuccess(result -> acknowledged.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS))
                            .doOnError(error -> failed.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS));
                })
                // Only the broker's trouble is worth a retry; a run that cannot be serialized is a bug (500).
                .onErrorMap(error -> !(error instanceof ApiException) && !isSerialization(error),
                        error -> unavailable(event, error))
                .then();
    }

    private static boolean isSerialization(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.SerializationException
                    || t instanceof org.apache.avro.AvroRuntimeException || t instanceof ArithmeticException) {
                return true;
            }
        }
        return false;
    }

    private ApiException unavailable(RunAccepted event, Throwable error) {
        Throwable cause = error.getCause() != null && !(error instanceof TimeoutException) ? error.getCause() : error;
        log.warn("event=publish_failed run_id={} error=\"{}\"", event.getRunId(), cause.toString());
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "The run could not be handed to the broker; nothing was accepted. Retry later.",
                List.of(), properties.retryAfter());
    }
}
