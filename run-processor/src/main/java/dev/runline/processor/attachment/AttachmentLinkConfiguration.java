package dev.runline.processor.attachment;

import dev.runline.processor.ProcessorProperties;
import dev.runline.processor.ProcessorTopics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class AttachmentLinkConfiguration {

    /** Declared by the gateway too, so that whichever service starts first creates it with the right shape. */
    @Bean
    NewTopic attachmentLinksTopic(ProcessorProperties properties) {
        return ProcessorTopics.declare(properties.attachmentTopic(), properties);
    }

    @Bean
    NewTopic attachmentLinksDeadLetterTopic(ProcessorProperties properties) {
        return ProcessorTopics.declare(properties.attachmentDeadLetterTopic(), properties);
    }

    /**
     * Batches of raw bytes (the listener decodes, so an undecodable link is dead-lettered with its bytes, not
     * lost in a deserializer), committed after the transaction; any failure the listener lets out (the database
     * or the broker away) is retried with back-off, without limit: a link is stored late, never skipped.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> attachmentLinkContainerFactory(KafkaProperties kafka,
            ProcessorProperties properties) {
        Map<String, Object> settings = kafka.buildConsumerProperties();
        settings.remove(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        DefaultErrorHandler retryUntilStored = new DefaultErrorHandler(backOff);
        retryUntilStored.setLogLevel(KafkaException.Level.WARN);
        factory.setCommonErrorHandler(retryUntilStored);
        return factory;
    }
}
