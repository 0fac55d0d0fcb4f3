package dev.runline.bench.processor;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.child.ProcessUsage;
import dev.runline.bench.child.Services;
import dev.runline.bench.child.UsageWindow;
import dev.runline.schemas.RunAcceptedSerializer;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.RunAccepted;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The processor draining a pre-filled topic: the topic is filled first, then a processor with
 * {@code consumers} consumers starts in its own JVM; the rate is taken from the first stored run to the
 * last, so start-up is not counted.
 */
public final class ProcessorDrain {

    public record Result(int runs, long nanos, ProcessUsage processor) {
        public double runsPerSecond() {
            return runs / (nanos / 1e9);
        }
    }

    /** No run stored for this long means the processor is stuck (or failed to start consuming). */
    private static final Duration STALL = Duration.ofMinutes(2);

    private ProcessorDrain() {}

    public static void fill(String bootstrapServers, String topic, List<RunAccepted> runs) {
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

    /**
     * Starts a processor (its own JVM) on the filled topic and waits until it stored {@code runs} runs; its
     * resources are measured from the first stored run to the last, like its rate.
     */
    public static Result drain(Services services, String name, String bootstrapServers, String topic, String databaseUrl,
            int consumers, int partitions, int runs) throws Exception {
        return drain(services, name, bootstrapServers, topic, databaseUrl, consumers, partitions, runs, "SELECT count(*) FROM runs");
    }

    /**
     * @param countSql counts the runs stored so far, polled every 20 ms: on a database that already holds runs, one
     *                 that reads only the drained ones (by index), so that the polling does not scan the history
     */
    public static Result drain(Services services, String name, String bootstrapServers, String topic, String databaseUrl,
            int consumers, int partitions, int runs, String countSql) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, BenchDatabase.USER, "");
                Services.Running processor = services.processor(name, bootstrapServers, databaseUrl, topic,
                        "bench-" + topic, consumers, partitions)) {
            // Until a first run is stored the window runs from readiness: if every run lands between two polls (a
            // smoke run's handful), that is the only window there is, consumer group join included.
            long first = System.nanoTime();
            int firstCount = 0;
            UsageWindow usage = processor.jvm().startWindow();
            int lastCount = -1;
            long lastProgress = System.nanoTime();
            while (true) {
                int stored = count(connection, countSql);
                long now = System.nanoTime();
                if (stored != lastCount) {
                    lastCount = stored;
                    lastProgress = now;
                } else if (now - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException(name + " stored no run for " + STALL + " (" + stored + " of " + runs
                            + " stored); see its log");
                }
                if (stored >= runs) {
                    return new Result(runs - firstCount, now - first, usage.finish());
                }
                if (firstCount == 0 && stored > 0) {
                    first = now;
                    firstCount = stored;
                    usage = processor.jvm().startWindow();
                }
                Thread.sleep(20);
            }
        }
    }

    private static int count(Connection connection, String countSql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(countSql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
