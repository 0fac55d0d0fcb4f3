package dev.runline.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Topics the benchmark fills itself (the services create their own). */
public final class BenchTopics {

    private BenchTopics() {}

    /**
     * Creates the topic and waits until every partition has a leader, so that the first sends do not fail
     * with "not leader" and retry (noise in the output, and time in the measurement).
     */
    public static void create(String bootstrapServers, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (allPartitionsLed(admin, topic)) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("Topic " + topic + " has partitions without a leader after 30 s");
        }
    }

    private static boolean allPartitionsLed(Admin admin, String topic) throws Exception {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            return description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false; // created by the controller, not yet in the metadata the broker answers from
            }
            throw e;
        }
    }
}
