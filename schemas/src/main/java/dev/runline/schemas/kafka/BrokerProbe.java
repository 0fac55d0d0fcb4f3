package dev.runline.schemas.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Answers "is the broker reachable right now?" for readiness probes, within a bounded time. One admin
 * client is kept for the life of the service; close it on shutdown.
 */
public final class BrokerProbe implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    public BrokerProbe(String bootstrapServers, Duration timeout) {
        this.timeout = timeout;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // A probe must answer within the readiness check's own time; the client's default is 60 s.
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.CLIENT_ID_CONFIG, "runline-broker-probe"));
    }

    /** The number of live brokers; throws when none answered in time. */
    public int liveBrokers() throws Exception {
        return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .size();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
