package dev.runline.bench.child;

import dev.runline.bench.BenchDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the benchmark starts each service in its own JVM: the gateway and the processor with their own
 * configuration files, pointed at the benchmark's broker, database and topic, and the HTTP floor.
 *
 * @param jvmOptions the children's JVM options ({@code --child-jvm})
 * @param jfr        whether each child records a JFR profile
 * @param logDir     where each child's log, GC log and profile go
 */
public record Services(List<String> jvmOptions, boolean jfr, Path logDir) {

    /** Start-up of a Spring Boot service on 2 busy cores, with generous headroom. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** A started HTTP service and its base URL. */
    public record Running(ChildJvm jvm, String baseUrl) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            jvm.close();
        }
    }

    public Running gateway(String name, String bootstrapServers, String databaseUrl, String topic, int partitions)
            throws IOException, InterruptedException {
        return gateway(name, bootstrapServers, databaseUrl, topic, partitions, List.of());
    }

    /** @param settings further {@code --name=value} settings, e.g. its object store's */
    public Running gateway(String name, String bootstrapServers, String databaseUrl, String topic, int partitions,
            List<String> settings) throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + BenchDatabase.USER,
                "--spring.datasource.password=",
                // A deployed gateway has no Flyway (the processor owns the schema); on this class path it would run.
                "--spring.flyway.enabled=false",
                "--runline.gateway.topic=" + topic,
                "--runline.gateway.partitions=" + partitions,
                // The load comes from one API key; its per-key limit (300/s by default) would be measured instead.
                "--runline.gateway.rate-limit.enabled=false",
                "--logging.level.root=WARN"));
        args.addAll(settings);
        ChildJvm jvm = ChildJvm.start(name, "dev.runline.gateway.GatewayApplication", jvmOptions, jfr, logDir, args);
        return ready(jvm, "http://127.0.0.1:" + port, "/actuator/health/readiness");
    }

    public Running processor(String name, String bootstrapServers, String databaseUrl, String topic, String group,
            int consumers, int partitions) throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        List<String> args = List.of(
                // Its actuator server is part of a deployed processor's footprint, so it stays on.
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.consumer.group-id=" + group,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + BenchDatabase.USER,
                "--spring.datasource.password=",
                "--runline.processor.topic=" + topic,
                "--runline.processor.dead-letter-topic=" + topic + "-dlt",
                "--runline.processor.dead-letter-recorder-group=" + group + "-dlt",
                "--runline.processor.partitions=" + partitions,
                "--runline.processor.concurrency=" + consumers,
                "--logging.level.root=WARN");
        ChildJvm jvm = ChildJvm.start(name, "dev.runline.processor.ProcessorApplication", jvmOptions, jfr, logDir, args);
        return ready(jvm, "http://127.0.0.1:" + port, "/actuator/health/readiness");
    }

    public Running httpFloor(String name) throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        ChildJvm jvm = ChildJvm.start(name, "dev.runline.bench.floor.HttpFloorApplication", jvmOptions, jfr, logDir,
                List.of("--server.port=" + port, "--logging.level.root=WARN"));
        return ready(jvm, "http://127.0.0.1:" + port, "/ready");
    }

    private static Running ready(ChildJvm jvm, String baseUrl, String readinessPath) throws InterruptedException {
        try {
            jvm.awaitReady(baseUrl + readinessPath, START_TIMEOUT);
            return new Running(jvm, baseUrl);
        } catch (RuntimeException | InterruptedException e) {
            jvm.close();
            throw e;
        }
    }
}
