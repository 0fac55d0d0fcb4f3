package dev.runline.processor.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runline.processor.testing.Processors;
import dev.runline.schemas.RunAcceptedSerializer;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.event.Submitter;
import dev.runline.schemas.event.SubmitterKind;
import dev.runline.schemas.testing.RunEvents;
import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Two processor instances in one consumer group, two consumers each, store runs whose parts, revisions,
 * batches and units overlap across partitions, and whose unit metadata updates lock the same unit rows:
 * every run exactly once, every entity once, no failure, no dead letter.
 */
@EmbeddedKafka
class ScaleOutTest {

    private static final String DATABASE = TestDatabase.newEmptyDatabase();
    private static final String TOPIC = "runs-scale";

    @Test
    void twoInstancesStoreOverlappingRunsOnceEach(EmbeddedKafkaBroker broker) {
        try (ConfigurableApplicationContext first = processor(broker);
                ConfigurableApplicationContext second = processor(broker)) {
            // Produce only once the group has settled with both instances in it; otherwise the first instance
            // may drain the topic before the second one has joined.
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(first) == 2 && assigned(second) == 2);
            TestTenant tenant = TestTenant.create(DATABASE);
            UUID keyId = tenant.addKey(tenant.adminId, null, "scale".getBytes(StandardCharsets.UTF_8), null, null);
            List<RunAccepted> runs = overlappingRuns(tenant, keyId);

            try (KafkaProducer<String, RunAccepted> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                    new StringSerializer(), new RunAcceptedSerializer())) {
                runs.forEach(run -> producer.send(new ProducerRecord<>(TOPIC,
                        RunPartitionKey.of(run.getOrganizationId(), run.getRun().getSerialNumber()), run)));
            }

            Jdbi jdbi = first.getBean(Jdbi.class);
            await().atMost(Duration.ofSeconds(90)).until(() -> count(jdbi, "SELECT count(*) FROM runs") == runs.size());
            assertThat(count(jdbi, "SELECT count(DISTINCT id) FROM runs")).isEqualTo(runs.size());
            assertThat(count(jdbi, "SELECT count(*) FROM units")).isEqualTo(40);
            assertThat(count(jdbi, "SELECT count(*) FROM parts")).isEqualTo(3);
            assertThat(count(jdbi, "SELECT count(*) FROM revisions")).isEqualTo(3);
            assertThat(count(jdbi, "SELECT count(*) FROM batches")).isEqualTo(2);
            assertThat(count(jdbi, "SELECT count(*) FROM procedure_versions")).isEqualTo(2);
            assertThat(count(jdbi, "SELECT count(*) FROM phases")).isEqualTo(runs.size());
            assertThat(stored(first) + stored(second)).isEqualTo(runs.size());
            assertThat(stored(first)).as("both instances took part").isPositive();
            assertThat(stored(second)).as("both instances took part").isPositive();
            assertThat(failedBatches(first) + failedBatches(second)).as("no deadlock, no failed batch").isZero();
            assertThat(Processors.counted(first, "runline.processor.dead.letters")
                    + Processors.counted(second, "runline.processor.dead.letters")).as("no dead letter").isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM units WHERE metadata->>'round' IS NOT NULL")).isEqualTo(40);
        }
    }

    /** 40 units, 10 runs each, sharing 3 parts, 2 batches and 2 versions, in mixed case. */
    private static List<RunAccepted> overlappingRuns(TestTenant tenant, UUID keyId) {
        List<RunAccepted> runs = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int unit = 0; unit < 40; unit++) {
                String part = "PCB-" + (unit % 3);
                runs.add(RunEvents.aRunAccepted()
                        .setOrganizationId(tenant.organizationId)
                        .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.USER).setKeyId(keyId).build())
                        .setRun(RunEvents.aRun()
                                .setProcedureId(tenant.procedureId)
                                .setSerialNumber((round % 2 == 0 ? "SN-" : "sn-") + unit)
                                .setPartNumber(round % 2 == 0 ? part : part.toLowerCase())
                                .setRevisionNumber(round % 2 == 0 ? "A" : "a")
                                .setBatchNumber("LOT-" + (unit % 2))
                                .setProcedureVersion("v" + (round % 2))
                                // Unit updates lock unit rows: concurrent consumers must never deadlock on them.
                                .setUnitMetadata(Map.of("round", (long) round))
                                .build())
                        .build());
            }
        }
        return runs;
    }

    private static ConfigurableApplicationContext processor(EmbeddedKafkaBroker broker) {
        return Processors.start(broker, DATABASE, TOPIC, "--runline.processor.concurrency=2",
                // Small polls make the two instances interleave their transactions.
                "--spring.kafka.consumer.max-poll-records=20");
    }

    private static int assigned(ConfigurableApplicationContext context) {
        var container = context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("run-processor");
        var partitions = container == null ? null : container.getAssignedPartitions();
        return partitions == null ? 0 : partitions.size();
    }

    private static double stored(ConfigurableApplicationContext context) {
        return Processors.counted(context, "runline.processor.runs.stored");
    }

    private static double failedBatches(ConfigurableApplicationContext context) {
        return Processors.counted(context, "runline.processor.batches.failed");
    }

    private static int count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }
}
