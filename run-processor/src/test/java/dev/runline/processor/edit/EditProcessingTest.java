package dev.runline.processor.edit;

import static dev.runline.schemas.testing.EditEvents.aUnitUpdate;
import static dev.runline.schemas.testing.EditEvents.anEdit;
import static dev.runline.schemas.testing.EditEvents.childAddition;
import static dev.runline.schemas.testing.EditEvents.childRemoval;
import static dev.runline.schemas.testing.EditEvents.runsDeletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runline.processor.ProcessorApplication;
import dev.runline.schemas.EditRequestedSerializer;
import dev.runline.schemas.RunAcceptedSerializer;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.UnitAttachment;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.event.Submitter;
import dev.runline.schemas.event.SubmitterKind;
import dev.runline.schemas.testing.RunEvents;
import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Edits of stored runs and units, on the runs topic of a real broker, applied to a real PostgreSQL. */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.config.name=" + ProcessorApplication.CONFIG_NAME,
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "runline.processor.topic=edits-in",
            "runline.processor.dead-letter-topic=edits-in-dlt",
            "runline.processor.partitions=2",
            "runline.processor.sub-unit-wait=1s",
            "runline.processor.sub-unit-retry-interval=250ms",
        })
@EmbeddedKafka
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditProcessingTest {

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

    private KafkaProducer<String, Object> producer;
    private Consumer<String, byte[]> deadLetters;

    @BeforeAll
    void clients() {
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(RunAccepted.class, new RunAcceptedSerializer());
        byType.put(EditRequested.class, new EditRequestedSerializer());
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new DelegatingByTypeSerializer(byType));
        deadLetters = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "dlt-reader", false),
                new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters.subscribe(List.of("edits-in-dlt"));
    }

    @AfterAll
    void closeClients() {
        producer.close();
        deadLetters.close();
    }

    @Test
    void deletingARunRemovesItAndItsRowsOnly() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted kept = runFor(tenant, "SN-DEL-1", run -> run);
        RunAccepted deleted = runFor(tenant, "SN-DEL-1", run -> run);
        send("SN-DEL-1", kept, deleted);
        awaitStored(deleted.getRunId());

        EditRequested edit = anEdit(tenant.organizationId, runsDeletion(deleted.getRunId())).build();
        send("SN-DEL-1", edit);

        assertThat(awaitOutcome(edit)).isEqualTo("applied");
        assertThat(result(edit)).contains(deleted.getRunId().toString());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", deleted.getRunId())).isZero();
        for (String table : List.of("phases", "logs")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE run_id = ?", deleted.getRunId())).as(table).isZero();
            assertThat(count("SELECT count(*) FROM " + table + " WHERE run_id = ?", kept.getRunId())).as(table).isPositive();
        }
        assertThat(count("SELECT count(*) FROM measurements m JOIN phases p ON p.id = m.phase_id WHERE p.run_id = ?",
                kept.getRunId())).isPositive();
        assertThat(count("SELECT count(*) FROM units WHERE organization_id = ?", tenant.organizationId))
                .as("the unit stays").isEqualTo(1);
    }

    @Test
    void anotherOrganizationsRunIsNotDeleted() {
        TestTenant owner = TestTenant.create(DATABASE);
        TestTenant stranger = TestTenant.create(DATABASE);
        RunAccepted run = runFor(owner, "SN-DEL-2", r -> r);
        send("SN-DEL-2", run);
        awaitStored(run.getRunId());

        EditRequested edit = anEdit(stranger.organizationId, runsDeletion(run.getRunId())).build();
        send("SN-DEL-2", edit);

        assertThat(awaitOutcome(edit)).isEqualTo("applied");
        assertThat(result(edit)).isEqualTo("{\"id\": []}");
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", run.getRunId())).isOne();
    }

    @Test
    void aRunAndAnEditOnOnePartitionApplyInTheirOrder() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted first = runFor(tenant, "SN-ORD-1", r -> r);
        RunAccepted second = runFor(tenant, "SN-ORD-1", r -> r);
        EditRequested deleteFirst = anEdit(tenant.organizationId, runsDeletion(first.getRunId())).build();

        send("SN-ORD-1", first, deleteFirst, second);

        awaitStored(second.getRunId());
        assertThat(awaitOutcome(deleteFirst)).isEqualTo("applied");
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", first.getRunId())).isZero();
    }

    @Test
    void aChildIsAddedAndRemoved() {
        TestTenant tenant = TestTenant.create(DATABASE);
        storeUnits(tenant, "SYS-E1", "BRD-E1");

        EditRequested add = anEdit(tenant.organizationId, childAddition("sys-e1", "BRD-E1")).build();
        send("SYS-E1", add);
        assertThat(awaitOutcome(add)).isEqualTo("applied");
        assertThat(parentOf(tenant, "BRD-E1")).containsExactly("SYS-E1");
        assertThat(result(add)).contains(unitId(tenant, "BRD-E1").toString());

        EditRequested remove = anEdit(tenant.organizationId, childRemoval("SYS-E1", "brd-e1")).build();
        send("SYS-E1", remove);
        assertThat(awaitOutcome(remove)).isEqualTo("applied");
        assertThat(parentOf(tenant, "BRD-E1")).isEmpty();

        EditRequested removeAgain = anEdit(tenant.organizationId, childRemoval("SYS-E1", "BRD-E1")).build();
        send("SYS-E1", removeAgain);
        assertThat(awaitOutcome(removeAgain)).isEqualTo("refused");
        assertThat(errorCode(removeAgain)).isEqualTo("NOT_FOUND");
    }

    @Test
    void anEditMakingAUnitItsOwnAncestorIsRefused() {
        TestTenant tenant = TestTenant.create(DATABASE);
        storeUnits(tenant, "SYS-C1", "BRD-C1", "CHIP-C1");
        for (EditRequested link : List.of(anEdit(tenant.organizationId, childAddition("SYS-C1", "BRD-C1")).build(),
                anEdit(tenant.organizationId, childAddition("BRD-C1", "CHIP-C1")).build())) {
            send("SYS-C1", link);
            assertThat(awaitOutcome(link)).isEqualTo("applied");
        }

        EditRequested loop = anEdit(tenant.organizationId, childAddition("CHIP-C1", "SYS-C1")).build();
        EditRequested self = anEdit(tenant.organizationId, childAddition("BRD-C1", "BRD-C1")).build();
        send("SYS-C1", loop, self);

        assertThat(awaitOutcome(loop)).isEqualTo("refused");
        assertThat(errorCode(loop)).isEqualTo("BAD_REQUEST");
        assertThat(awaitOutcome(self)).isEqualTo("refused");
        assertThat(parentOf(tenant, "SYS-C1")).isEmpty();
        assertThat(parentOf(tenant, "BRD-C1")).containsExactly("SYS-C1");
    }

    @Test
    void aRunWhoseSubUnitIsItsAncestorIsDeadLettered() {
        TestTenant tenant = TestTenant.create(DATABASE);
        storeUnits(tenant, "SYS-C2", "BRD-C2");
        RunAccepted link = runFor(tenant, "SYS-C2", run -> run.setSubUnits(List.of("BRD-C2")));
        send("SYS-C2", link);
        awaitStored(link.getRunId());

        RunAccepted loop = runFor(tenant, "BRD-C2", run -> run.setSubUnits(List.of("SYS-C2")));
        RunAccepted after = runFor(tenant, "BRD-C2", run -> run);
        send("BRD-C2", loop, after);

        awaitStored(after.getRunId());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(loop.getRunId()) != null);
        assertThat(header(deadLetter(loop.getRunId()), "runline-error-code")).isEqualTo("BAD_REQUEST");
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", loop.getRunId())).isZero();
        assertThat(parentOf(tenant, "SYS-C2")).isEmpty();
    }

    @Test
    void aRedeliveredEditIsNotAppliedTwice() {
        TestTenant tenant = TestTenant.create(DATABASE);
        storeUnits(tenant, "SYS-R1", "BRD-R1");
        EditRequested add = anEdit(tenant.organizationId, childAddition("SYS-R1", "BRD-R1")).build();
        EditRequested remove = anEdit(tenant.organizationId, childRemoval("SYS-R1", "BRD-R1")).build();
        send("SYS-R1", add, remove);
        awaitOutcome(remove);

        send("SYS-R1", add);
        EditRequested marker = anEdit(tenant.organizationId, runsDeletion()).build();
        send("SYS-R1", marker);
        awaitOutcome(marker);

        assertThat(parentOf(tenant, "BRD-R1")).as("the add delivered again is skipped").isEmpty();
        assertThat(count("SELECT count(*) FROM edits WHERE id = ?", add.getEditId())).isOne();
    }

    @Test
    void aUnitIsRenamedMovedToAnotherRevisionAndBatch() {
        TestTenant tenant = TestTenant.create(DATABASE);
        storeUnits(tenant, "SN-UP-1", "SN-UP-TAKEN");
        EditRequested update = anEdit(tenant.organizationId, aUnitUpdate("sn-up-1").setNewSerialNumber("SN-UP-2")
                .setPartNumber("PCB-777").setRevisionNumber("C").setBatchNumber("B-9").build()).build();
        send("SN-UP-1", update);

        assertThat(awaitOutcome(update)).isEqualTo("applied");
        assertThat(query("""
                SELECT u.serial_number || ' ' || p.number || '/' || r.number || ' ' || b.number
                FROM units u JOIN revisions r ON r.id = u.revision_id JOIN parts p ON p.id = r.part_id
                JOIN batches b ON b.id = u.batch_id
                WHERE u.organization_id = ? AND u.serial_number = 'SN-UP-2'
                """, String.class, tenant.organizationId)).containsExactly("SN-UP-2 PCB-777/C B-9");

        EditRequested clear = anEdit(tenant.organizationId, aUnitUpdate("SN-UP-2").setClearBatch(true).build()).build();
        EditRequested taken = anEdit(tenant.organizationId, aUnitUpdate("SN-UP-2").setNewSerialNumber("sn-up-taken").build()).build();
        EditRequested unknown = anEdit(tenant.organizationId, aUnitUpdate("SN-NOBODY").setPartNumber("X").build()).build();
        send("SN-UP-2", clear, taken, unknown);

        assertThat(awaitOutcome(clear)).isEqualTo("applied");
        assertThat(count("SELECT count(*) FROM units WHERE organization_id = ? AND serial_number = 'SN-UP-2' AND batch_id IS NULL",
                tenant.organizationId)).isOne();
        assertThat(awaitOutcome(taken)).isEqualTo("refused");
        assertThat(errorCode(taken)).isEqualTo("CONFLICT");
        assertThat(awaitOutcome(unknown)).isEqualTo("refused");
        assertThat(errorCode(unknown)).isEqualTo("NOT_FOUND");
    }

    @Test
    void filesAttachedToAUnitAreStoredOnceAsItsAttachments() {
        TestTenant tenant = TestTenant.create(DATABASE);
        storeUnits(tenant, "SN-FILES-1");
        UUID file = UUID.randomUUID();
        UnitAttachment label = UnitAttachment.newBuilder().setUploadId(file).setObjectKey("uploads/x/" + file)
                .setName("label.png").setSize(1234).setContentType("image/png").build();
        EditRequested attach = anEdit(tenant.organizationId,
                aUnitUpdate("SN-FILES-1").setAttachments(List.of(label)).build()).build();
        EditRequested again = anEdit(tenant.organizationId,
                aUnitUpdate("sn-files-1").setAttachments(List.of(label)).build()).build();
        send("SN-FILES-1", attach, again);

        assertThat(awaitOutcome(attach)).isEqualTo("applied");
        assertThat(awaitOutcome(again)).isEqualTo("applied");
        assertThat(query("""
                SELECT a.name || ' ' || a.size || ' ' || a.content_type || ' ' || (a.run_id IS NULL)
                FROM attachments a JOIN units u ON u.id = a.unit_id
                WHERE u.organization_id = ? AND u.serial_number = 'SN-FILES-1'
                """, String.class, tenant.organizationId)).containsExactly("label.png 1234 image/png true");
    }

    @Test
    void aUnitKeepsAtMostFiftyMetadataKeysAcrossRuns() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted first = runFor(tenant, "SN-MD-50", run -> run.setUnitMetadata(keys("a", 30)));
        send("SN-MD-50", first);
        awaitStored(first.getRunId());

        RunAccepted overLimit = runFor(tenant, "SN-MD-50", run -> run.setUnitMetadata(keys("b", 21)));
        RunAccepted within = runFor(tenant, "SN-MD-50", run -> run.setUnitMetadata(keys("a", 10)));
        send("SN-MD-50", overLimit, within);

        awaitStored(within.getRunId());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(overLimit.getRunId()) != null);
        assertThat(new String(deadLetter(overLimit.getRunId()).headers().lastHeader("runline-error-message").value(),
                StandardCharsets.UTF_8)).contains("units_metadata_at_most_50_keys");
        assertThat(count("SELECT count(*) FROM units u, jsonb_object_keys(u.metadata) WHERE u.organization_id = ?",
                tenant.organizationId)).isEqualTo(30);
    }

    private static Map<String, Object> keys(String prefix, int count) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            keys.put(prefix + i, "v");
        }
        return keys;
    }

    /** One run per serial, so the units exist. */
    @Test
    void anEditOfAUnitWhoseRunIsParkedAppliesAfterThatRun() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted parked = runFor(tenant, "SYS-PARK-1", r -> r.setSubUnits(List.of("BRD-PARK-1")));
        EditRequested deleteIt = anEdit(tenant.organizationId, runsDeletion(parked.getRunId())).build();
        send("SYS-PARK-1", parked, deleteIt);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM parked_records WHERE id = ?", deleteIt.getEditId()) == 1);

        send("BRD-PARK-1", runFor(tenant, "BRD-PARK-1", r -> r));

        assertThat(awaitOutcome(deleteIt)).isEqualTo("applied");
        assertThat(result(deleteIt)).contains(parked.getRunId().toString());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", parked.getRunId())).isZero();
    }

    private void storeUnits(TestTenant tenant, String... serials) {
        RunAccepted last = null;
        for (String serial : serials) {
            last = runFor(tenant, serial, run -> run);
            send(serial, last);
        }
        for (String serial : serials) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !unitIdList(tenant, serial).isEmpty());
        }
        awaitStored(last.getRunId());
    }

    private RunAccepted runFor(TestTenant tenant, String serial,
            UnaryOperator<dev.runline.schemas.event.Run.Builder> change) {
        UUID keyId = tenant.addKey(tenant.adminId, null, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), null, null);
        return RunEvents.aRunAccepted()
                .setOrganizationId(tenant.organizationId)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.USER).setKeyId(keyId).setUserId(tenant.adminId).build())
                .setRun(change.apply(RunEvents.aRun().setProcedureId(tenant.procedureId).setSerialNumber(serial)).build())
                .build();
    }

    /** Records on the partition of {@code serial}'s unit, in the order given (as the gateway publishes them). */
    private void send(String serial, Object... records) {
        for (Object record : records) {
            UUID organizationId = record instanceof RunAccepted run ? run.getOrganizationId()
                    : ((EditRequested) record).getOrganizationId();
            producer.send(new ProducerRecord<>("edits-in", RunPartitionKey.of(organizationId, serial), record));
        }
        producer.flush();
    }

    private String awaitOutcome(EditRequested edit) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM edits WHERE id = ?", edit.getEditId()) == 1);
        return query("SELECT outcome FROM edits WHERE id = ?", String.class, edit.getEditId()).getFirst();
    }

    private String result(EditRequested edit) {
        return query("SELECT result::text FROM edits WHERE id = ?", String.class, edit.getEditId()).getFirst();
    }

    private String errorCode(EditRequested edit) {
        return query("SELECT error_code FROM edits WHERE id = ?", String.class, edit.getEditId()).getFirst();
    }

    private List<String> parentOf(TestTenant tenant, String serial) {
        return query("""
                SELECT p.serial_number FROM units c JOIN units p ON p.id = c.parent_unit_id
                WHERE c.organization_id = ? AND c.serial_number = ?
                """, String.class, tenant.organizationId, serial);
    }

    private UUID unitId(TestTenant tenant, String serial) {
        return unitIdList(tenant, serial).getFirst();
    }

    private List<UUID> unitIdList(TestTenant tenant, String serial) {
        return query("SELECT id FROM units WHERE organization_id = ? AND serial_number = ?", UUID.class,
                tenant.organizationId, serial);
    }

    private void awaitStored(UUID runId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM runs WHERE id = ?", runId) == 1);
    }

    private final List<ConsumerRecord<String, byte[]>> deadLettersSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ConsumerRecord<String, byte[]> deadLetter(UUID runId) {
        deadLetters.poll(Duration.ofMillis(300)).forEach(deadLettersSeen::add);
        return deadLettersSeen.stream().filter(record -> runId.toString().equals(header(record, "runline-run-id")))
                .findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private int count(String sql, Object... arguments) {
        return query(sql, Integer.class, arguments).getFirst();
    }

    private <T> List<T> query(String sql, Class<T> type, Object... arguments) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(type).list();
        });
    }
}
