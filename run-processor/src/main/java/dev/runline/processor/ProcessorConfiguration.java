package dev.runline.processor;

import dev.runline.processor.deadletter.DeadLetterPublisher;
import dev.runline.processor.messaging.RunListener;
import io.micrometer.core.instrument.MeterRegistry;
import dev.runline.schemas.EditRequestedSerializer;
import dev.runline.schemas.RunAcceptedSerializer;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.kafka.BrokerProbe;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

    @Bean
    Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        // Bulk get-or-create binds whole columns as PostgreSQL arrays (unnest).
        jdbi.registerArrayType(UUID.class, "uuid");
        jdbi.registerArrayType(String.class, "text");
        // Instants are bound as OffsetDateTime (setObject: the proleptic calendar COPY writes phases and logs in);
        // Jdbi's default binds a java.sql.Timestamp, whose Julian calendar moves dates before 1583 by days.
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
            }
        });
        return jdbi;
    }

    @Bean
    NewTopic runsTopic(ProcessorProperties properties) {
        return ProcessorTopics.declare(properties.topic(), properties);
    }

    /** Dead letters keep the original partition, so this topic has as many partitions as the runs topic. */
    @Bean
    NewTopic deadLetterTopic(ProcessorProperties properties) {
        return ProcessorTopics.declare(properties.deadLetterTopic(), properties);
    }

    /**
     * Liveness follows the listener container: an Error that stops it (out of memory on a huge batch)
     * must restart the process, not leave it looking healthy while the lag grows.
     */
    @Bean
    HealthIndicator listener(org.springframework.kafka.config.KafkaListenerEndpointRegistry registry) {
        return () -> {
            var container = registry.getListenerContainer("run-processor");
            return container != null && container.isRunning()
                    ? Health.up().build()
                    : Health.down().withDetail("container", "run-processor is not running").build();
        };
    }

    /**
     * Dead letters are written with the original bytes when the value did not decode, and as the run event
     * otherwise; both with the producer settings of spring.kafka.producer.
     */
    @Bean
    KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(RunAccepted.class, new RunAcceptedSerializer());
        byType.put(EditRequested.class, new EditRequestedSerializer());
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new DelegatingByTypeSerializer(Map.of(String.class, new StringSerializer())),
                new DelegatingByTypeSerializer(byType));
        return new KafkaTemplate<>(factory);
    }

    /** Dead letters of the listener's error handler and of parked runs whose wait is over. */
    @Bean
    DeadLetterPublisher deadLetterPublisher(KafkaTemplate<Object, Object> deadLetterTemplate, ProcessorProperties properties,
            MeterRegistry meters) {
        return new DeadLetterPublisher(deadLetterTemplate,
                (record, exception) -> new TopicPartition(properties.deadLetterTopic(), record.partition()), meters);
    }

    /**
     * Permanent failures (a rejected run, an undecodable record) go to the dead-letter topic at once;
     * anything else is retried with exponential back-off, without limit, keeping the partition's order:
     * a database outage stalls the line's processing, it never drops or reorders runs. A missing sub-unit never
     * gets here: the listener parks such a run instead of holding the partition.
     */
    @Bean
    DefaultErrorHandler errorHandler(DeadLetterPublisher recoverer, ProcessorProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(RunRejectedException.class, RunListener.UndecodableRecordException.class);
        // The listener already logged why, in one line; the handler's "seek after exception" trace adds nothing.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    /**
     * The dead-letter recorder's containers: one record at a time, values as raw bytes (a dead letter may be
     * a record that never decoded), and retried without limit when PostgreSQL is down: a dead letter is
     * never skipped, only recorded late. Not a bean, so that Boot's batch container keeps its own error handler.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> deadLetterContainerFactory(KafkaProperties kafka,
            ProcessorProperties properties) {
        Map<String, Object> settings = kafka.buildConsumerProperties();
        settings.remove(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.setBatchListener(false);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        DefaultErrorHandler retryUntilRecorded = new DefaultErrorHandler(backOff);
        retryUntilRecorded.setLogLevel(KafkaException.Level.WARN);
        factory.setCommonErrorHandler(retryUntilRecorded);
        return factory;
    }

    @Bean(destroyMethod = "close")
    BrokerProbe brokerProbe(KafkaProperties kafka) {
        return new BrokerProbe(String.join(",", kafka.getBootstrapServers()), Duration.ofSeconds(2));
    }

    /** Readiness follows the broker (and the database, through Boot's own db indicator). */
    @Bean
    HealthIndicator broker(BrokerProbe probe) {
        return () -> {
            try {
                return Health.up().withDetail("brokers", probe.liveBrokers()).build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.toString()).build();
            }
        };
    }
}
