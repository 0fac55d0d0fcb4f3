package dev.runline.processor.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runline.processor.ProcessorApplication;
import dev.runline.schemas.AttachmentLinkedSerializer;
import dev.runline.schemas.RunAcceptedSerializer;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.Attachment;
import dev.runline.schemas.event.AttachmentLinked;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.event.Submitter;
import dev.runline.schemas.event.SubmitterKind;
import dev.runline.schemas.testing.RunEvents;
import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Attachments reach PostgreSQL: linked later through their own topic, or with the run itself (an import). */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.config.name=" + ProcessorApplication.CONFIG_NAME,
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "runline.processor.topic=runs-in",
            "runline.processor.dead-letter-topic=runs-in-dlt",
            "runline.processor.attachment-topic=links-in",
            "runline.processor.attachment-dead-letter-topic=links-in-dlt",
            "runline.processor.partitions=2",
        })
@EmbeddedKafka
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentLinkProcessingTest {

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

    private KafkaProducer<String, RunAccepted> runs;
    private KafkaProducer<String, AttachmentLinked> links;
    private KafkaProducer<String, byte[]> raw;
    private Consumer<String, byte[]> deadLetters;
    private final List<ConsumerRecord<String, byte[]>> deadLettered = new ArrayList<>();

    @BeforeAll
    void clients() {
        Map<String, Object> settings = KafkaTestUtils.producerProps(broker);
        runs = new KafkaProducer<>(settings, new StringSerializer(), new RunAcceptedSerializer());
        links = new KafkaProducer<>(settings, new StringSerializer(), new AttachmentLinkedSerializer());
        raw = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        deadLetters = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "links-dlt-reader", false),
                new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters.subscribe(List.of("links-in-dlt"));
    }

    @AfterAll
    void closeClients() {
        runs.close();
        links.close();
        raw.close();
        deadLetters.close();
    }

    @Test
    void aLinkToARunNotStoredYetIsStoredAndShowsOnceTheRunIs() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted run = runOf(tenant).build();
        AttachmentLinked link = linkOf(tenant, run.getRunId(), "scope.csv");

        send(link);
        awaitAttachment(link.getUploadId());
        send(run);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                SELECT count(*) FROM runs r JOIN attachments a ON a.run_id = r.id AND a.organization_id = r.organization_id
                WHERE r.id = ?
                """, run.getRunId()) == 1);
        assertThat(query("SELECT name || ' ' || size || ' ' || content_type || ' ' || is_report FROM attachments WHERE id = ?",
                link.getUploadId())).containsExactly("scope.csv 42 text/csv false");
    }

    @Test
    void aLinkDeliveredTwiceIsOneAttachment() {
        TestTenant tenant = TestTenant.create(DATABASE);
        AttachmentLinked link = linkOf(tenant, UUID.randomUUID(), "a.txt");
        AttachmentLinked after = linkOf(tenant, link.getRunId(), "b.txt");

        send(link, link, after);

        awaitAttachment(after.getUploadId());
        assertThat(count("SELECT count(*) FROM attachments WHERE run_id = ?", link.getRunId())).isEqualTo(2);
    }

    @Test
    void anUndecodableLinkIsDeadLetteredWithItsBytesAndTheNextOneStored() {
        TestTenant tenant = TestTenant.create(DATABASE);
        UUID runId = UUID.randomUUID();
        byte[] garbage = "not an avro message".getBytes(StandardCharsets.UTF_8);
        AttachmentLinked next = linkOf(tenant, runId, "next.txt");

        raw.send(new ProducerRecord<>("links-in", runId.toString(), garbage));
        raw.flush();
        send(next);

        awaitAttachment(next.getUploadId());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            deadLetters.poll(Duration.ofMillis(200)).forEach(deadLettered::add);
            return deadLettered.stream().anyMatch(record -> java.util.Arrays.equals(record.value(), garbage));
        });
    }

    @Test
    void aLinkTheDatabaseRefusesIsDeadLetteredAndTheOthersOfItsBatchStored() {
        TestTenant tenant = TestTenant.create(DATABASE);
        UUID runId = UUID.randomUUID();
        AttachmentLinked ofNoOrganization = AttachmentLinked.newBuilder(linkOf(tenant, runId, "orphan.txt"))
                .setOrganizationId(UUID.randomUUID()).build();
        AttachmentLinked good = linkOf(tenant, runId, "good.txt");

        send(ofNoOrganization, good);

        awaitAttachment(good.getUploadId());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            deadLetters.poll(Duration.ofMillis(200)).forEach(deadLettered::add);
            return deadLettered.stream().anyMatch(record -> record.headers().lastHeader("runline-dlt-reason") != null
                    && record.key().equals(runId.toString()));
        });
        assertThat(count("SELECT count(*) FROM attachments WHERE id = ?", ofNoOrganization.getUploadId())).isZero();
    }

    @Test
    void aRunsOwnAttachmentsAreStoredWithIt() {
        TestTenant tenant = TestTenant.create(DATABASE);
        UUID reportId = UUID.randomUUID();
        UUID inlinedId = UUID.randomUUID();
        RunAccepted run = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).setAttachments(List.of(
                Attachment.newBuilder().setUploadId(reportId).setObjectKey("uploads/x/" + reportId).setName("record.json")
                        .setSize(10_295).setContentType("application/json").setIsReport(true).build(),
                Attachment.newBuilder().setUploadId(inlinedId).setObjectKey("uploads/x/" + inlinedId).setName("sweep.csv")
                        .setSize(120).setContentType("text/csv").setIsReport(false).build())).build()).build();

        send(run, run);

        awaitAttachment(inlinedId);
        assertThat(query("SELECT name || ' ' || is_report FROM attachments WHERE run_id = ? ORDER BY name", run.getRunId()))
                .containsExactly("record.json true", "sweep.csv false");
    }

    private RunAccepted.Builder runOf(TestTenant tenant) {
        UUID keyId = tenant.addKey(tenant.adminId, null, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), null, null);
        return RunEvents.aRunAccepted()
                .setOrganizationId(tenant.organizationId)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.USER).setKeyId(keyId).setUserId(tenant.adminId).build())
                .setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).build());
    }

    private static AttachmentLinked linkOf(TestTenant tenant, UUID runId, String name) {
        UUID uploadId = UUID.randomUUID();
        return AttachmentLinked.newBuilder()
                .setUploadId(uploadId)
                .setOrganizationId(tenant.organizationId)
                .setRunId(runId)
                .setKeyId(UUID.randomUUID())
                .setLinkedAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setObjectKey("uploads/" + tenant.organizationId + "/" + uploadId)
                .setName(name)
                .setSize(42)
                .setContentType("text/csv")
                .build();
    }

    private void send(RunAccepted... events) {
        for (RunAccepted event : events) {
            runs.send(new ProducerRecord<>("runs-in",
                    RunPartitionKey.of(event.getOrganizationId(), event.getRun().getSerialNumber()), event));
        }
        runs.flush();
    }

    private void send(AttachmentLinked... events) {
        for (AttachmentLinked event : events) {
            links.send(new ProducerRecord<>("links-in", event.getRunId().toString(), event));
        }
        links.flush();
    }

    private void awaitAttachment(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM attachments WHERE id = ?", id) == 1);
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

    private List<String> query(String sql, Object... arguments) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(String.class).list();
        });
    }
}
