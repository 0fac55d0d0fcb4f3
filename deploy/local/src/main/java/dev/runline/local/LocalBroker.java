package dev.runline.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (Kafka's own KRaft server, broker and controller in one process),
 * keeping its log in a local folder across restarts. The storage is formatted once, on first start.
 */
final class LocalBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static LocalBroker start(Path folder, int port, int controllerPort) throws IOException {
        Path logs = folder.resolve("log");
        Files.createDirectories(logs);
        Properties settings = new Properties();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logs.toAbsolutePath().toString());
        // One broker: internal topics cannot have more than one replica.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers of the local mode join at once instead of waiting for more members.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created by the services with their partition counts, never implicitly.
        settings.put("auto.create.topics.enable", "false");
        settings.put("num.partitions", "12");

        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(folder, settings);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings), Time.SYSTEM);
        server.startup();
        return new LocalBroker(server, "localhost:" + port);
    }

    private static void format(Path folder, Properties settings) throws IOException {
        Path file = folder.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            settings.store(out, "Runline local mode broker (written for the storage format tool)");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", file.toString(), "--ignore-formatted"
        }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new UncheckedIOException(new IOException(
                    "Formatting the broker's storage failed: " + output.toString(StandardCharsets.UTF_8)));
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
