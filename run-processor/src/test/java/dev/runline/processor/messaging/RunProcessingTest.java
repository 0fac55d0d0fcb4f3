package dev.runline.processor.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runline.processor.ProcessorApplication;
import dev.runline.schemas.RunAcceptedSerializer;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.event.Submitter;
import dev.runline.schemas.event.SubmitterKind;
import dev.runline.schemas.testing.RunEvents;
import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** The processor against a real broker and a real PostgreSQL (migrated by the processor itself). */
@SpringBootTest(classes = ProcessorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.config.name=" + ProcessorApplication.CONFIG_NAME,
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "runline.processor.topic=runs-in",
            "runline.processor.dead-letter-topic=runs-in-dlt",
            "runline.processor.partitions=2",
            "runline.processor.sub-unit-wait=3s",
            "runline.processor.sub-unit-retry-interval=250ms",
        })
@EmbeddedKafka
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunProcessingTest {

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
    private Consumer<String, byte[]> deadLetters;

    @BeforeAll
    void clients() {
        Map<String, Object> settings = KafkaTestUtils.producerProps(broker);
        producer = new KafkaProducer<>(settings, new StringSerializer(), new RunAcceptedSerializer());
        rawProducer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        deadLetters = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "dlt-reader", false),
                new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters.subscribe(List.of("runs-in-dlt"));
    }

    @AfterAll
    void closeClients() {
        producer.close();
        rawProducer.close();
        deadLetters.close();
    }

    /** A run of the tenant's procedure, submitted with a key that exists. */
    private RunAccepted.Builder runOf(TestTenant tenant) {
        UUID keyId = tenant.addKey(tenant.adminId, null, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), null, null);
        return RunEvents.aRunAccepted()
                .setOrganizationId(tenant.organizationId)
                .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.USER).setKeyId(keyId).setUserId(tenant.adminId).build())
                .setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).build());
    }

    private void send(RunAccepted... events) {
        for (RunAccepted event : events) {
            producer.send(new ProducerRecord<>("runs-in",
                    RunPartitionKey.of(event.getOrganizationId(), event.getRun().getSerialNumber()), event));
        }
        producer.flush();
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

    /** A run of the tenant's procedure on unit {@code serial}: runs of one serial share a partition, so a batch. */
    private RunAccepted runFor(TestTenant tenant, String serial, UnaryOperator<Run.Builder> change) {
        return runOf(tenant).setRun(change.apply(RunEvents.aRun().setProcedureId(tenant.procedureId).setSerialNumber(serial))
                .build()).build();
    }

    private void awaitStored(UUID runId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM runs WHERE id = ?", runId) == 1);
    }

    @Test
    void runIsStoredWithItsPhasesMeasurementsAndLogs() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted event = runOf(tenant)
                .setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).setOperatedBy(tenant.adminEmail.toUpperCase())
                        .setMetadata(Map.of("slot", 3L)).setUnitMetadata(Map.of("firmware", "1.2")).build())
                .build();

        send(event);

        awaitStored(event.getRunId());
        assertThat(count("SELECT count(*) FROM phases WHERE run_id = ?", event.getRunId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM logs WHERE run_id = ?", event.getRunId())).isEqualTo(1);
        assertThat(query("""
                SELECT m.value_number FROM measurements m JOIN phases p ON p.id = m.phase_id WHERE p.run_id = ?
                """, Double.class, event.getRunId())).containsExactly(3.3);
        assertThat(count("SELECT count(*) FROM runs WHERE id = ? AND operator_user_id = ? AND metadata->>'slot' = '3'",
                event.getRunId(), tenant.adminId)).as("operator found case-insensitively, metadata typed").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM units WHERE organization_id = ? AND metadata->>'firmware' = '1.2'",
                tenant.organizationId)).isEqualTo(1);
    }

    @Test
    void sameEventDeliveredTwiceStoresOneRun() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted event = runOf(tenant).build();
        RunAccepted later = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber(event.getRun().getSerialNumber()).build()).build();

        send(event, event, later);

        awaitStored(later.getRunId());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", event.getRunId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM phases WHERE run_id = ?", event.getRunId())).isEqualTo(1);
    }

    @Test
    void namesMatchCaseInsensitivelyKeepingTheFirstSpelling() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted first = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber("SN-Case-1").setPartNumber("Pcb-9").setBatchNumber("Lot-A").setProcedureVersion("v1.0")
                .build()).build();
        RunAccepted second = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber("sn-case-1").setPartNumber("PCB-9").setRevisionNumber("a").setBatchNumber("LOT-a")
                .setProcedureVersion("V1.0").build()).build();

        send(first, second);

        awaitStored(second.getRunId());
        assertThat(query("SELECT serial_number FROM units WHERE organization_id = ?", String.class, tenant.organizationId))
                .containsExactly("SN-Case-1");
        assertThat(query("""
                SELECT p.number || '/' || r.number FROM parts p JOIN revisions r ON r.part_id = p.id WHERE p.organization_id = ?
                """, String.class, tenant.organizationId)).containsExactly("Pcb-9/A");
        assertThat(count("SELECT count(*) FROM batches WHERE organization_id = ?", tenant.organizationId)).isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT procedure_version_id) FROM runs WHERE id IN (?, ?)",
                first.getRunId(), second.getRunId())).isEqualTo(1);
    }

    @Test
    void unitMetadataIsMergedKeepingKeysNotSent() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted first = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).setSerialNumber("SN-MD-1")
                .setUnitMetadata(Map.of("firmware", "1.0", "owner", "line 3")).build()).build();
        RunAccepted second = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).setSerialNumber("SN-MD-1")
                .setUnitMetadata(Map.of("firmware", "1.1", "calibrated", true)).build()).build();

        send(first, second);

        awaitStored(second.getRunId());
        assertThat(query("SELECT metadata::text FROM units WHERE organization_id = ?", String.class, tenant.organizationId))
                .singleElement().satisfies(json -> assertThat(json)
                        .contains("\"firmware\": \"1.1\"", "\"owner\": \"line 3\"", "\"calibrated\": true"));
    }

    @Test
    void existingUnitKeepsItsPartAndRevisionWhenARunNamesOthers() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted first = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).setSerialNumber("SN-REV-1")
                .setPartNumber("PCB-1").setRevisionNumber("A").build()).build();
        RunAccepted second = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).setSerialNumber("SN-REV-1")
                .setPartNumber("PCB-2").setRevisionNumber("B").build()).build();

        send(first);
        awaitStored(first.getRunId());
        send(second);
        awaitStored(second.getRunId());

        assertThat(query("""
                SELECT p.number || '/' || r.number FROM units u JOIN revisions r ON r.id = u.revision_id
                JOIN parts p ON p.id = r.part_id WHERE u.organization_id = ?
                """, String.class, tenant.organizationId)).containsExactly("PCB-1/A");
        assertThat(count("SELECT count(*) FROM runs WHERE unit_id = (SELECT id FROM units WHERE organization_id = ?)",
                tenant.organizationId)).as("both runs belong to the one unit").isEqualTo(2);
    }

    @Test
    void operatorWhoIsNotAMemberIsDropped() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted event = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setOperatedBy("stranger@example.com").build()).build();

        send(event);

        awaitStored(event.getRunId());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ? AND operator_user_id IS NULL", event.getRunId())).isEqualTo(1);
    }

    @Test
    void subUnitLinkedToAnotherParentMoves() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted child = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).setSerialNumber("BRD-MV").build()).build();
        RunAccepted firstParent = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber("SYS-A").setSubUnits(List.of("BRD-MV")).build()).build();
        RunAccepted secondParent = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber("SYS-B").setSubUnits(List.of("BRD-MV")).build()).build();

        send(child);
        awaitStored(child.getRunId());
        send(firstParent);
        awaitStored(firstParent.getRunId());
        send(secondParent);
        awaitStored(secondParent.getRunId());

        assertThat(query("""
                SELECT p.serial_number FROM units c JOIN units p ON p.id = c.parent_unit_id
                WHERE c.organization_id = ? AND c.serial_number = 'BRD-MV'
                """, String.class, tenant.organizationId)).containsExactly("SYS-B");
    }

    @Test
    void subUnitsAreLinkedAsChildrenOfTheRunsUnit() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted child = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber("BRD-1").build()).build();
        RunAccepted parent = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber("SYS-1").setSubUnits(List.of("brd-1")).build()).build();

        send(child);
        awaitStored(child.getRunId());
        send(parent);
        awaitStored(parent.getRunId());

        assertThat(count("""
                SELECT count(*) FROM units c JOIN units p ON c.parent_unit_id = p.id
                WHERE c.serial_number = 'BRD-1' AND p.serial_number = 'SYS-1' AND c.organization_id = ?
                """, tenant.organizationId)).isEqualTo(1);
    }

    @Test
    void runArrivingBeforeItsSubUnitWaitsForIt() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted parent = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber("SYS-EARLY").setSubUnits(List.of("BRD-LATE")).build()).build();
        RunAccepted child = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setSerialNumber("BRD-LATE").build()).build();

        send(parent);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
        send(child);

        awaitStored(parent.getRunId());
        assertThat(count("""
                SELECT count(*) FROM units c JOIN units p ON c.parent_unit_id = p.id
                WHERE c.serial_number = 'BRD-LATE' AND p.serial_number = 'SYS-EARLY' AND c.organization_id = ?
                """, tenant.organizationId)).isEqualTo(1);
    }

    @Test
    void anotherOrganizationsRunIsStoredWithinASecondWhileTwentyRunsWaitForSubUnitsThatNeverCome() {
        TestTenant waiting = TestTenant.create(DATABASE);
        TestTenant other = TestTenant.create(DATABASE);
        // All on one partition, the worst case: before parking, each waiting run held it for sub-unit-wait.
        for (int i = 0; i < 20; i++) {
            RunAccepted orphan = runFor(waiting, "SYS-WAIT-" + i, run -> run.setSubUnits(List.of("NEVER-" + UUID.randomUUID())));
            producer.send(new ProducerRecord<>("runs-in", 0, RunPartitionKey.of(waiting.organizationId, "SYS-WAIT-" + i), orphan));
        }
        producer.flush();
        RunAccepted ordinary = runFor(other, "SN-ORDINARY", run -> run);
        long sent = System.nanoTime();
        producer.send(new ProducerRecord<>("runs-in", 0, RunPartitionKey.of(other.organizationId, "SN-ORDINARY"), ordinary));
        producer.flush();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> count("SELECT count(*) FROM runs WHERE id = ?", ordinary.getRunId()) == 1);
        System.out.printf("event=other_tenant_run_stored elapsed_ms=%d%n", (System.nanoTime() - sent) / 1_000_000);
    }

    @Test
    void aLaterRunOfAParkedUnitWaitsBehindItAndIsStoredAfterIt() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted first = runFor(tenant, "SYS-ORDER", run -> run.setSubUnits(List.of("BRD-ORDER"))
                .setUnitMetadata(Map.of("step", "first")));
        RunAccepted second = runFor(tenant, "SYS-ORDER", run -> run.setUnitMetadata(Map.of("step", "second")));
        send(first, second);

        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> count("SELECT count(*) FROM runs WHERE id IN (?, ?)", first.getRunId(), second.getRunId()) == 0);
        assertThat(count("SELECT count(*) FROM parked_records WHERE id IN (?, ?)", first.getRunId(), second.getRunId()))
                .isEqualTo(2);
        send(runFor(tenant, "BRD-ORDER", run -> run));

        awaitStored(second.getRunId());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", first.getRunId())).isOne();
        assertThat(query("SELECT metadata->>'step' FROM units WHERE organization_id = ? AND serial_number = 'SYS-ORDER'",
                String.class, tenant.organizationId)).containsExactly("second");
    }

    @Test
    void aRedeliveredParkedRunParksOnce() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted orphan = runFor(tenant, "SYS-TWICE", run -> run.setSubUnits(List.of("BRD-TWICE")));
        send(orphan, orphan);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM parked_records WHERE id = ?", orphan.getRunId()) == 1);
        send(runFor(tenant, "BRD-TWICE", run -> run));
        awaitStored(orphan.getRunId());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", orphan.getRunId())).isOne();
        assertThat(count("SELECT count(*) FROM parked_records WHERE id = ?", orphan.getRunId())).isZero();
    }

    @Test
    void runWithAMissingSubUnitIsDeadLetteredAndTheOthersStored() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String serial = "SN-" + UUID.randomUUID().toString().substring(0, 6);
        RunAccepted before = runFor(tenant, serial, run -> run);
        RunAccepted orphan = runFor(tenant, serial, run -> run
                .setSubUnits(List.of("NEVER-MADE")));
        RunAccepted after = runFor(tenant, serial, run -> run);

        send(before, orphan, after);

        awaitStored(after.getRunId());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", before.getRunId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", orphan.getRunId())).isZero();
        assertThat(deadLetterKeys()).contains(RunPartitionKey.of(tenant.organizationId, serial));
        assertThat(deadLetters()).filteredOn(record -> header(record, "runline-run-id").equals(orphan.getRunId().toString()))
                .singleElement().satisfies(record -> {
                    assertThat(header(record, "runline-error-code")).isEqualTo("NOT_FOUND");
                    assertThat(header(record, "runline-error-message")).contains("NEVER-MADE");
                    assertThat(header(record, "runline-organization-id")).isEqualTo(tenant.organizationId.toString());
                });
    }

    @Test
    void runTheDatabaseRefusesIsIsolatedAndDeadLetteredWithItsCode() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String serial = "SN-" + UUID.randomUUID().toString().substring(0, 6);
        RunAccepted before = runFor(tenant, serial, run -> run);
        // A NUL character cannot be stored in PostgreSQL text; the gateway refuses it, another producer might not.
        RunAccepted refused = runFor(tenant, serial, run -> run
                .setDocstring("bad\u0000byte"));
        RunAccepted after = runFor(tenant, serial, run -> run);

        send(before, refused, after);

        awaitStored(after.getRunId());
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", before.getRunId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", refused.getRunId())).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().stream().anyMatch(record ->
                header(record, "runline-run-id").equals(refused.getRunId().toString())
                        && header(record, "runline-error-code").equals("BAD_REQUEST")));
    }

    @Test
    void textAndJsonWithQuotesSeparatorsNewlinesAndBackslashesAreStoredAsSent() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String awkward = "say \"hi\", then\nleave \\ now\t\r ✓ 😀 \\N";
        RunAccepted event = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setPhases(List.of(RunEvents.aPhase().setName(awkward)
                        .setMeasurements(List.of(RunEvents.aMeasurement().setName("text").setMeasuredValue(awkward)
                                .setValidators(new JsonValue("[{\"operator\":\"matches\",\"expected_value\":\"a,\\\"b\\n\"}]"))
                                .build()))
                        .build()))
                .setLogs(List.of(RunEvents.aLog().setMessage(awkward).setSourceFile("a,b.py").build()))
                .build()).build();

        send(event);

        awaitStored(event.getRunId());
        assertThat(query("SELECT name FROM phases WHERE run_id = ?", String.class, event.getRunId())).containsExactly(awkward);
        assertThat(query("SELECT message || '|' || source_file FROM logs WHERE run_id = ?", String.class, event.getRunId()))
                .containsExactly(awkward + "|a,b.py");
        assertThat(query(MEASUREMENTS_OF_RUN.formatted("m.value_string"), String.class, event.getRunId()))
                .containsExactly(awkward);
        assertThat(query(MEASUREMENTS_OF_RUN.formatted("m.validators->0->>'expected_value'"), String.class, event.getRunId()))
                .containsExactly("a,\"b\n");
    }

    @Test
    void numbersBooleansEmptyStringsAndNullsKeepTheirValues() {
        TestTenant tenant = TestTenant.create(DATABASE);
        List<Double> numbers = List.of(1.0E-5, 1.0E21, -0.0, Double.MIN_VALUE, 3.3);
        List<Measurement> measurements = new ArrayList<>();
        numbers.forEach(number -> measurements.add(RunEvents.aMeasurement().setMeasuredValue(number).build()));
        measurements.add(RunEvents.aMeasurement().setMeasuredValue(false).setUnits(null).build());
        measurements.add(RunEvents.aMeasurement().setMeasuredValue("").build());
        RunAccepted event = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setPhases(List.of(RunEvents.aPhase().setDocstring("").setMeasurements(measurements).build(),
                        RunEvents.aPhase().setDocstring(null).build()))
                .build()).build();

        send(event);

        awaitStored(event.getRunId());
        assertThat(query(MEASUREMENTS_OF_RUN.formatted("m.value_number"), Double.class, event.getRunId()).subList(0, 5))
                .containsExactlyElementsOf(numbers);
        assertThat(query(MEASUREMENTS_OF_RUN.formatted("m.value_boolean::text || '|' || (m.units IS NULL)::text"),
                String.class, event.getRunId())).contains("false|true");
        assertThat(query(MEASUREMENTS_OF_RUN.formatted("m.value_string"), String.class, event.getRunId()))
                .as("an empty string stays empty, not null").contains("");
        assertThat(query("SELECT coalesce(docstring, 'NULL') FROM phases WHERE run_id = ? ORDER BY position", String.class,
                event.getRunId())).containsExactly("", "NULL");
    }

    @Test
    void aRunAndItsPhasesAndLogsKeepTheSameCalendarBeforeTheGregorianReform() {
        TestTenant tenant = TestTenant.create(DATABASE);
        Instant medieval = Instant.parse("1500-03-01T12:00:00Z");
        RunAccepted event = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(tenant.procedureId)
                .setStartedAt(medieval).setEndedAt(medieval)
                .setPhases(List.of(RunEvents.aPhase().setStartedAt(medieval).setEndedAt(medieval).build()))
                .setLogs(List.of(RunEvents.aLog().setTimestamp(medieval).build()))
                .build()).build();

        send(event);

        awaitStored(event.getRunId());
        assertThat(query("""
                SELECT to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '|'
                       || to_char(p.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '|'
                       || to_char(l.logged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
                FROM runs r JOIN phases p ON p.run_id = r.id JOIN logs l ON l.run_id = r.id WHERE r.id = ?
                """, String.class, event.getRunId())).containsExactly("1500-03-01|1500-03-01|1500-03-01");
    }

    /** A column of a run's measurements, in phase and measurement order. */
    private static final String MEASUREMENTS_OF_RUN = """
            SELECT %s FROM measurements m JOIN phases p ON p.id = m.phase_id WHERE p.run_id = ?
            ORDER BY p.position, m.position
            """;

    @Test
    void runWhoseLogTheDatabaseRefusesIsIsolatedAndDeadLettered() {
        TestTenant tenant = TestTenant.create(DATABASE);
        // One serial: one partition, so the three runs share a batch and the refused one must be found in it.
        String serial = "SN-" + UUID.randomUUID().toString().substring(0, 6);
        RunAccepted before = runFor(tenant, serial, run -> run);
        // Logs are written with COPY: a refused row fails the COPY with the same SQLSTATE class as an INSERT.
        RunAccepted refused = runFor(tenant, serial, run -> run
                .setLogs(List.of(RunEvents.aLog().setMessage("bad\u0000byte").build())));
        RunAccepted after = runFor(tenant, serial, run -> run);

        send(before, refused, after);

        awaitStored(before.getRunId());
        awaitStored(after.getRunId());
        assertThat(count("SELECT count(*) FROM logs WHERE run_id = ?", before.getRunId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM logs WHERE run_id = ?", after.getRunId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", refused.getRunId())).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().stream().anyMatch(record ->
                header(record, "runline-run-id").equals(refused.getRunId().toString())
                        && header(record, "runline-error-code").equals("BAD_REQUEST")));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void runOfAProcedureThatDoesNotExistIsDeadLettered() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted unknown = runOf(tenant).setRun(RunEvents.aRun().setProcedureId(UUID.randomUUID()).build()).build();

        send(unknown);

        assertThat(deadLetterKeys()).contains(RunPartitionKey.of(tenant.organizationId, unknown.getRun().getSerialNumber()));
        assertThat(count("SELECT count(*) FROM runs WHERE id = ?", unknown.getRunId())).isZero();
    }

    @Test
    void undecodableRecordIsDeadLetteredWithItsOriginalBytes() {
        TestTenant tenant = TestTenant.create(DATABASE);
        RunAccepted good = runOf(tenant).build();
        String key = RunPartitionKey.of(tenant.organizationId, good.getRun().getSerialNumber());
        byte[] poison = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);

        rawProducer.send(new ProducerRecord<>("runs-in", key, poison));
        rawProducer.flush();
        send(good);

        awaitStored(good.getRunId());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().stream()
                .anyMatch(record -> record.key().equals(key) && java.util.Arrays.equals(record.value(), poison)));
    }

    private final List<ConsumerRecord<String, byte[]>> deadLettersSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        deadLetters.poll(Duration.ofMillis(300)).forEach(deadLettersSeen::add);
        return deadLettersSeen;
    }

    private List<String> deadLetterKeys() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters().isEmpty());
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        return deadLetters().stream().map(ConsumerRecord::key).toList();
    }
}
