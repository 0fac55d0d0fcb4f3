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
import dev.runline.schemas.testing.TestTenant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * PostgreSQL stopped in the middle of a stream and started again: the runs accepted meanwhile wait in the
 * topic, are retried while the database is away, and are all stored exactly once when it is back; none is
 * dead-lettered, because a database outage is transient.
 */
@EmbeddedKafka
class DatabaseOutageTest {

    private static final String TOPIC = "runs-outage";
    private static final String DATABASE = "runline";

    @TempDir
    Path data;

    @Test
    void runsAcceptedWhileTheDatabaseIsDownAreStoredOnceWhenItIsBack(EmbeddedKafkaBroker broker) throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        String url = postgres.getJdbcUrl("postgres", DATABASE);
        try (ConfigurableApplicationContext processor = Processors.start(broker, url, TOPIC,
                "--runline.processor.retry-initial=100ms", "--runline.processor.retry-max=1s",
                // Fail fast while the database is away, so that retries are many and short.
                "--spring.datasource.hikari.connection-timeout=1000",
                "--spring.kafka.consumer.max-poll-records=20");
                KafkaProducer<String, RunAccepted> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                        new StringSerializer(), new RunAcceptedSerializer())) {
            TestTenant tenant = TestTenant.create(url);
            UUID keyId = tenant.addKey(tenant.adminId, null, "outage".getBytes(StandardCharsets.UTF_8), null, null);
            List<UUID> sent = new ArrayList<>();

            send(producer, tenant, keyId, 100, sent);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(url, "SELECT count(*) FROM runs") > 0);
            postgres.close();
            send(producer, tenant, keyId, 100, sent);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Processors.counted(processor, "runline.processor.batches.failed") > 0);
            postgres = start(port);

            await().atMost(Duration.ofSeconds(120)).until(() -> count(url, "SELECT count(*) FROM runs") == sent.size());
            assertThat(count(url, "SELECT count(DISTINCT id) FROM runs")).isEqualTo(sent.size());
            assertThat(count(url, "SELECT count(*) FROM phases")).as("one phase per run, none twice").isEqualTo(sent.size());
            assertThat(count(url, "SELECT count(*) FROM dead_letters")).isZero();
            assertThat(Processors.counted(processor, "runline.processor.dead.letters")).isZero();
            assertThat(Processors.counted(processor, "runline.processor.runs.stored")).isEqualTo(sent.size());
        } finally {
            postgres.close();
        }
    }

    private void send(KafkaProducer<String, RunAccepted> producer, TestTenant tenant, UUID keyId, int runs, List<UUID> sent) {
        for (int i = 0; i < runs; i++) {
            RunAccepted run = RunEvents.aRunAccepted()
                    .setOrganizationId(tenant.organizationId)
                    .setSubmittedBy(Submitter.newBuilder().setKind(SubmitterKind.USER).setKeyId(keyId).build())
                    .setRun(RunEvents.aRun().setProcedureId(tenant.procedureId).setSerialNumber("SN-" + (sent.size() % 30)).build())
                    .build();
            producer.send(new ProducerRecord<>(TOPIC, RunPartitionKey.of(run.getOrganizationId(), run.getRun().getSerialNumber()), run));
            sent.add(run.getRunId());
        }
        producer.flush();
    }

    /** The same data folder and port each time, so that a restart is the same server with the same data. */
    private EmbeddedPostgres start(int port) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
        return postgres;
    }

    private static int count(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            return -1; // the database is away
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
