package dev.runline.gateway;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The shape of every topic the gateway declares (the processor declares them too, so that whichever service
 * starts first creates them right): partitions, replication and message size from its settings.
 */
public final class GatewayTopics {

    private GatewayTopics() {}

    public static NewTopic declare(String name, GatewayProperties properties) {
        TopicBuilder topic = TopicBuilder.name(name)
                .partitions(properties.partitions())
                // Large runs (thousands of measurements) exceed the 1 MB default message size.
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
        if (properties.replicas() != null) {
            topic.replicas(properties.replicas());
        }
        if (properties.minInsyncReplicas() != null) {
            topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.minInsyncReplicas().toString());
        }
        return topic.build();
    }
}
