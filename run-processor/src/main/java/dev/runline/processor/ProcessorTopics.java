package dev.runline.processor;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/** The shape of every topic the processor declares: partitions, replication and message size from its settings. */
public final class ProcessorTopics {

    /** Large runs (thousands of measurements) exceed the 1 MB default message size. */
    private static final String MAX_MESSAGE_BYTES = Integer.toString(16 * 1024 * 1024);

    private ProcessorTopics() {}

    public static NewTopic declare(String name, ProcessorProperties properties) {
        TopicBuilder topic = TopicBuilder.name(name).partitions(properties.partitions())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_MESSAGE_BYTES);
        if (properties.replicas() != null) {
            topic.replicas(properties.replicas());
        }
        if (properties.minInsyncReplicas() != null) {
            topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.minInsyncReplicas().toString());
        }
        return topic.build();
    }
}
