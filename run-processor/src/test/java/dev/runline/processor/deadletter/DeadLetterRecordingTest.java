package dev.runline.processor.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runline.processor.ProcessorApplication;
import dev.runline.processor.RunRejectedException;
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
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dead letters against a real broker and a real PostgreSQL: what reaches the dead-letter topic, what it
 * carries, how it is recorded, and what a replay does.
 */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.config.name=" + ProcessorApplication.CONFIG_NAME,
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "runline.processor.topic=" + DeadLetterRecordingTest.TOPIC,
            "runline.processor.dead-letter-topic=" + DeadLetterRecordingTest.TOPIC + "-dlt",
            "runline.processor.partitions=2",
            "runline.processor.sub-unit-wait=1s",
            "runline.processor.sub-unit-retry-interval=250ms",
        })
@EmbeddedKafka
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterRecordingTest {

    static final String TOPIC = "runs-dl";
    private static final String DATABASE = TestDatabase.newEmptyDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    Jdbi jdbi;

    private KafkaProducer<String, RunAccepted> producer;
    private KafkaProducer<String, byte[]> rawProducer;
    private Consumer<String, byte[]> deadLetterTopic;
    private final List<ConsumerRecord<String, byte[]>> deadLettersSeen = new ArrayList<>();

    @BeforeAll
    void clients() {
        Map<String, Object> settings = KafkaTestUtils.producerProps(broker);
        producer = new KafkaProducer<>(settings, new StringSerializer(), new RunAcceptedSerializer());
        rawProducer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        deadLetterTopic = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "dlt-reader", false),
                new StringDeserializer(), new ByteArrayDeserializer());
        deadLetterTopic.subscribe(List.of(TOPIC + "-dlt"));
    }

    @AfterAll
    void closeClients() {
        producer.close();
        rawProducer.close();
        deadLetterTopic.close();
    }

    @Test
    void poisonRecordBetweenGoodOnesIsTheOnlyDeadLetterAndKeepsItsBytes() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted first = runOf(tenant).build();
        RunAccepted second = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber(first.getRun().getSerialNumber()).build()).build();
        String key = RunPartitionKey.of(tenant.organizationId, first.getRun().getSerialNumber());
        byte[] poison = "{\"from\":\"another producer\"}".getBytes(StandardCharsets.UTF_8);

        send(first);
        rawProducer.send(new ProducerRecord<>(TOPIC, key, poison));
        rawProducer.flush();
        send(second);

        awaitStored(second.getRunId());
        assertThat(count("SELECT count(*) FROM runs WHERE id IN (?, ?)", first.getRunId(), second.getRunId())).isEqualTo(2);
        DeadLetter recorded = awaitDeadLetters("record_key = ?", key).getFirst();
        assertThat(recorded.recordValue()).isEqualTo(poison);
        assertThat(recorded.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(recorded.stage()).isEqualTo("decode");
        assertThat(recorded.attempts()).isEqualTo(1);
        assertThat(recorded.state()).isEqualTo(DeadLetter.OPEN);
        assertThat(recorded.runId()).isNull();
        assertThat(recorded.originalTopic()).isEqualTo(TOPIC);
        assertThat(recorded.originalOffset()).isNotNull();
        assertThat(count("SELECT count(*) FROM dead_letters WHERE record_key = ?", key)).as("only the poison").isEqualTo(1);
    }

    @Test
    void deadLetterCarriesTheContractCodeStageRunAndOriginalPosition() {
        TestTenant tenant = TestTenant.create(DATABASE);
        UUID missingProcedure = UUID.randomUUID();
        RunAccepted unknown = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(missingProcedure).build()).build();

        send(unknown);

        DeadLetter recorded = awaitDeadLetters("run_id = ?", unknown.getRunId()).getFirst();
        assertThat(recorded.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(recorded.errorMessage()).contains(missingProcedure.toString());
        assertThat(recorded.stage()).isEqualTo("resolve");
        assertThat(recorded.exceptionClass()).isEqualTo(RunRejectedException.class.getName());
        assertThat(recorded.organizationId()).isEqualTo(tenant.organizationId);
        assertThat(recorded.procedureId()).isEqualTo(missingProcedure);
        assertThat(recorded.originalTopic()).isEqualTo(TOPIC);
        ConsumerRecord<String, byte[]> onTopic = deadLetterOnTopic(unknown.getRunId(), 1);
        assertThat(onTopic.key()).isEqualTo(RunPartitionKey.of(tenant.organizationId, unknown.getRun().getSerialNumber()));
        assertThat(onTopic.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(onTopic.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
    }

    @Test
    void replayThatFailsAgainComesBackWithItsAttemptsRaisedAndErrorHeadersReplaced() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted orphan = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSubUnits(List.of("NOT-BUILT-YET")).build()).build();

        send(orphan);
        DeadLetter first = awaitDeadLetters("run_id = ?", orphan.getRunId()).getFirst();
        replay(first);

        DeadLetter second = awaitDeadLetters("run_id = ? AND attempts = 2", orphan.getRunId()).getFirst();
        assertThat(second.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(second.errorMessage()).contains("NOT-BUILT-YET");
        ConsumerRecord<String, byte[]> again = deadLetterOnTopic(orphan.getRunId(), 2);
        for (String name : List.of(DeadLetterHeaders.CODE, DeadLetterHeaders.MESSAGE, DeadLetterHeaders.ATTEMPTS,
                DeadLetterHeaders.STAGE, DeadLetterHeaders.RUN_ID, "kafka_dlt-original-offset", "kafka_dlt-exception-fqcn")) {
            assertThat(StreamSupport.stream(again.headers().headers(name).spliterator(), false).count())
                    .as("one %s header", name).isEqualTo(1);
        }
        assertThat(DeadLetterHeaders.text(again.headers(), DeadLetterHeaders.ATTEMPTS)).isEqualTo("2");
    }

    @Test
    void replayAfterTheCauseIsFixedStoresTheRunOnceAndAReplayOfAStoredRunChangesNothing() {
        TestTenant tenant = TestTenant.create(DATABASE);
        UUID procedure = UUID.randomUUID();
        RunAccepted early = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(procedure).build()).build();
        send(early);
        DeadLetter deadLetter = awaitDeadLetters("run_id = ?", early.getRunId()).getFirst();

        tenant.execute("INSERT INTO procedures (id, organization_id, identifier, name) VALUES (?, ?, 'LATE', 'Created late')",
                procedure, tenant.organizationId);
        replay(deadLetter);
        awaitStored(early.getRunId());
        replay(deadLetter);
        RunAccepted marker = runOf(tenant).build();
        send(marker);
        awaitStored(marker.getRunId());

        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", early.getRunId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM phases WHERE run_id = ?", early.getRunId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM dead_letters WHERE run_id = ?", early.getRunId())).isEqualTo(1);
    }

    /** What the replay tool publishes: the original key and bytes, with the attempts so far. */
    private void replay(DeadLetter deadLetter) {
        rawProducer.send(new ProducerRecord<>(deadLetter.originalTopic(), null, deadLetter.recordKey(),
                deadLetter.recordValue(), DeadLetters.replayHeaders(deadLetter)));
        rawProducer.flush();
    }

    private RunAccepted.Builder runOf(TestTenant tenant) {
        UUID keyId = tenant.addKey(tenant.adminId, null, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), null, null);
        return RunEvents.aRunAccepted()
                .setOrganizationId(tenant.organizationId)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.USER).setKeyId(keyId).build())
                .setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).build());
    }

    private void send(RunAccepted event) {
        producer.send(new ProducerRecord<>(TOPIC, RunPartitionKey.of(event.getOrganizationId(), event.getRun().getSerialNumber()), event));
        producer.flush();
    }

    private void awaitStored(UUID runId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM runs WHERE id = ?", runId) == 1);
    }

    private List<DeadLetter> awaitDeadLetters(String condition, Object... arguments) {
        String sql = "SELECT " + DeadLetterDao.COLUMNS + " FROM dead_letters WHERE " + condition + " ORDER BY attempts";
        List<DeadLetter> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            found.addAll(jdbi.withHandle(handle -> {
                var query = handle.createQuery(sql);
                for (int i = 0; i < arguments.length; i++) {
                    query.bind(i, arguments[i]);
                }
                return query.registerRowMapper(ConstructorMapper.factory(DeadLetter.class)).mapTo(DeadLetter.class).list();
            }));
            return !found.isEmpty();
        });
        return found;
    }

    private ConsumerRecord<String, byte[]> deadLetterOnTopic(UUID runId, int attempts) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            deadLetterTopic.poll(Duration.ofMillis(200)).forEach(deadLettersSeen::add);
            return find(runId, attempts) != null;
        });
        return find(runId, attempts);
    }

    private ConsumerRecord<String, byte[]> find(UUID runId, int attempts) {
        return deadLettersSeen.stream()
                .filter(record -> runId.toString().equals(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.RUN_ID)))
                .filter(record -> Integer.toString(attempts).equals(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ATTEMPTS)))
                .findFirst().orElse(null);
    }

    private int count(String sql, Object... arguments) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Integer.class).one();
        });
    }
}
