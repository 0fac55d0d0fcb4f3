package dev.runline.bench.gateway;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.BenchTopics;
import dev.runline.bench.runs.TypicalRuns;
import dev.runline.schemas.RunAcceptedSerializer;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.RunAccepted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Limit (a): the broker's raw producer throughput for the records the gateway writes. An equivalent of
 * Kafka's {@code ProducerPerformance} ({@code --throughput -1}: send as fast as the producer accepts), written
 * here rather than run from kafka-tools because (1) its records must be the gateway's: typical runs
 * serialized as the gateway serializes them, keyed as it keys them, so that lz4 compresses them as it
 * compresses the gateway's (ProducerPerformance sends one synthetic payload), and (2) its producer must
 * have exactly the gateway's settings, copied below from {@code ingest-gateway.yml}.
 */
public final class RawProducer {

    /** What the raw producer sustained. */
    public record Result(long records, double measuredSeconds, double recordsPerSecond, double megabytesPerSecond,
            double averageRecordBytes, Map<String, Object> settings) {}

    private RawProducer() {}

    static Result run(String bootstrapServers, int partitions, int units, Duration warmup, Duration duration)
            throws Exception {
        String topic = "bench-raw-producer";
        BenchTopics.create(bootstrapServers, topic, partitions);
        BenchDatabase.Tenant tenant = new BenchDatabase.Tenant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "");
        List<RunAccepted> runs = new TypicalRuns(tenant).generate(units, units);
        List<String> keys = runs.stream()
                .map(run -> RunPartitionKey.of(run.getOrganizationId(), run.getRun().getSerialNumber())).toList();
        List<byte[]> values;
        try (RunAcceptedSerializer serializer = new RunAcceptedSerializer()) {
            values = runs.stream().map(run -> serializer.serialize(topic, run)).toList();
        }
        Map<String, Object> settings = gatewaySettings(bootstrapServers);
        LongAdder acknowledged = new LongAdder();
        LongAdder bytes = new LongAdder();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; System.nanoTime() < end; i++) {
                int index = i % values.size();
                int size = values.get(index).length + keys.get(index).getBytes(StandardCharsets.UTF_8).length;
                // send() blocks once buffer.memory is full: the producer, not this loop, sets the pace.
                producer.send(new ProducerRecord<>(topic, keys.get(index), values.get(index)), (metadata, error) -> {
                    long done = System.nanoTime();
                    if (error == null && done >= measureFrom && done <= end) {
                        acknowledged.increment();
                        bytes.add(size);
                    }
                });
            }
        }
        double seconds = duration.toNanos() / 1e9;
        Map<String, Object> shown = new LinkedHashMap<>(settings);
        shown.remove(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        return new Result(acknowledged.sum(), seconds, acknowledged.sum() / seconds, bytes.sum() / seconds / 1e6,
                acknowledged.sum() == 0 ? 0 : bytes.sum() / (double) acknowledged.sum(), shown);
    }

    /** The gateway's producer settings ({@code ingest-gateway.yml}); change them together. */
    private static Map<String, Object> gatewaySettings(String bootstrapServers) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16777216);
        return settings;
    }
}
