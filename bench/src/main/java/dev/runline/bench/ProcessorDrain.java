package dev.runline.bench;

import dev.runline.processor.ProcessorApplication;
import dev.runline.schemas.RunAcceptedSerializer;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.RunAccepted;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The processor draining a pre-filled topic: the topic is filled first, then a processor with
 * {@code consumers} consumers starts; the rate is taken from the first stored run to the last, so start-up
 * is not counted.
 */
final class ProcessorDrain {

    record Result(int runs, long nanos) {
        double runsPerSecond() {
            return runs / (nanos / 1e9);
        }
    }

    private ProcessorDrain() {}

    static void fill(String bootstrapServers, String topic, List<RunAccepted> runs) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                // The fill is not under test; the embedded broker has been seen to loop on OUT_OF_ORDER_SEQUENCE
                // for a second idempotent producer, so this one is plain, one request in flight to keep order.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (KafkaProducer<String, RunAccepted> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new RunAcceptedSerializer())) {
            for (RunAccepted run : runs) {
                producer.send(new ProducerRecord<>(topic, RunPartitionKey.of(run.getOrganizationId(),
                        run.getRun().getSerialNumber()), run));
            }
        }
    }

    static Result drain(String bootstrapServers, String topic, String databaseUrl, int consumers, int runs)
            throws SQLException, InterruptedException {
        try (ConfigurableApplicationContext processor = ProcessorApplication.start(
                "--spring.main.web-application-type=none",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.consumer.group-id=bench-" + topic + "-" + consumers,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + BenchDatabase.USER,
                "--spring.datasource.password=",
                "--runline.processor.topic=" + topic,
                "--runline.processor.dead-letter-topic=" + topic + "-dlt",
                "--runline.processor.concurrency=" + consumers,
                "--logging.level.root=WARN");
                Connection connection = DriverManager.getConnection(databaseUrl, BenchDatabase.USER, "")) {
            long first = 0;
            int firstCount = 0;
            while (true) {
                int stored = count(connection);
                long now = System.nanoTime();
                if (first == 0 && stored > 0) {
                    first = now;
                    firstCount = stored;
                }
                if (stored >= runs) {
                    return new Result(runs - firstCount, now - first);
                }
                Thread.sleep(20);
            }
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM runs")) {
            result.next();
            return result.getInt(1);
        }
    }
}
