package dev.runline.gateway.testing;

import dev.runline.gateway.GatewayApplication;
import dev.runline.gateway.auth.ApiKeySecrets;
import dev.runline.gateway.http.ErrorBody;
import dev.runline.schemas.AttachmentLinkedDeserializer;
import dev.runline.schemas.RunTopicDeserializer;
import dev.runline.schemas.event.AttachmentLinked;
import dev.runline.schemas.testing.TestObjectStore;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway against a real broker (in-JVM) and a real PostgreSQL, with small run limits so that tests
 * can cross them. Subclasses seed their own organizations and read what was published.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + GatewayApplication.CONFIG_NAME,
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "runline.gateway.max-body-size=256KB",
            "runline.gateway.topic=" + GatewayIntegrationTest.TOPIC,
            "runline.gateway.partitions=3",
            "runline.gateway.limits.max-phases=20",
            "runline.gateway.limits.max-measurements-per-phase=50",
            "runline.gateway.limits.max-measurements=200",
            "runline.gateway.limits.max-logs=30",
            "runline.gateway.limits.max-sub-units=5",
            "runline.gateway.uploads.link-topic=" + GatewayIntegrationTest.LINK_TOPIC,
            "runline.gateway.uploads.signing-key=" + GatewayIntegrationTest.SIGNING_KEY,
            "runline.gateway.uploads.max-file-size=1MB",
            "runline.gateway.uploads.max-files-per-run=3",
            "runline.gateway.uploads.put-idle-timeout=1s",
        })
@EmbeddedKafka
@AutoConfigureWebTestClient
@Import(FreshConnectionPerRequest.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayIntegrationTest {

    public static final String TOPIC = "runs-under-test";
    public static final String LINK_TOPIC = "links-under-test";
    /** 32 bytes, base64: tests sign URLs of their own (expired, altered) with the gateway's key. */
    public static final String SIGNING_KEY = "dGVzdC1zaWduaW5nLWtleS1vZi0zMi1ieXRlcy0xMjM=";
    protected static final String DATABASE = TestDatabase.newMigratedDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
        registry.add("runline.storage.endpoint", () -> TestObjectStore.endpoint().toString());
        registry.add("runline.storage.bucket", () -> TestObjectStore.BUCKET);
        registry.add("runline.storage.access-key", TestObjectStore::accessKey);
        registry.add("runline.storage.secret-key", TestObjectStore::secretKey);
    }

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    private Consumer<String, SpecificRecord> topic;
    private Consumer<String, AttachmentLinked> linkTopic;
    private final Map<UUID, ConsumerRecord<String, RunAccepted>> seen = new ConcurrentHashMap<>();
    private final Map<UUID, AttachmentLinked> links = new ConcurrentHashMap<>();

    @BeforeAll
    void subscribe() {
        Map<String, Object> settings = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        topic = new KafkaConsumer<>(settings, new StringDeserializer(), new RunTopicDeserializer());
        topic.subscribe(List.of(TOPIC));
        // A group of its own: two consumers of one group, each polling only now and then, would wait on each
        // other's rebalances.
        Map<String, Object> linkSettings = KafkaTestUtils.consumerProps(broker, "test-links-" + UUID.randomUUID(), false);
        linkTopic = new KafkaConsumer<>(linkSettings, new StringDeserializer(), new AttachmentLinkedDeserializer());
        linkTopic.subscribe(List.of(LINK_TOPIC));
    }

    @AfterAll
    void closeTopic() {
        topic.close();
        linkTopic.close();
    }

    /** A run created through the v2 route (the gateway tests run no processor: it stays in flight). */
    protected UUID createdRun(String key, TestTenant tenant) {
        return post("/api/v2/runs", key, RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk()
                .expectBody(dev.runline.gateway.http.RunController.CreatedRun.class).returnResult().getResponseBody().id();
    }

    /** The latest link published for an upload: the 200 came after the broker's acknowledgement. */
    protected AttachmentLinked linkOf(UUID uploadId) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            linkTopic.poll(Duration.ofMillis(200)).forEach(record -> links.put(record.value().getUploadId(), record.value()));
            return links.containsKey(uploadId);
        });
        return links.get(uploadId);
    }

    /** Every link published so far (reads what arrived within {@code wait}). */
    protected Map<UUID, AttachmentLinked> drainLinks(Duration wait) {
        linkTopic.poll(wait).forEach(record -> links.put(record.value().getUploadId(), record.value()));
        return links;
    }

    protected static String userKey(TestTenant tenant, UUID userId) {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        tenant.addKey(userId, null, key.sha256(), null, null);
        return key.secret();
    }

    protected WebTestClient.ResponseSpec post(String path, String key, String body) {
        return http.post().uri(path)
                .headers(headers -> {
                    if (key != null) {
                        headers.setBearerAuth(key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    protected static ErrorBody refused(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status).expectBody(ErrorBody.class).returnResult().getResponseBody();
    }

    /** The record of a run: the 200 came after the broker's acknowledgement, so it is there to read. */
    protected ConsumerRecord<String, RunAccepted> published(UUID runId) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            drain(Duration.ofMillis(200));
            return seen.containsKey(runId);
        });
        return seen.get(runId);
    }

    /** Every run published so far (reads what arrived within {@code wait}); edits on the topic are skipped. */
    @SuppressWarnings("unchecked")
    protected Map<UUID, ConsumerRecord<String, RunAccepted>> drain(Duration wait) {
        for (ConsumerRecord<String, SpecificRecord> record : topic.poll(wait)) {
            if (record.value() instanceof RunAccepted run) {
                seen.put(run.getRunId(), (ConsumerRecord<String, RunAccepted>) (ConsumerRecord<?, ?>) record);
            }
        }
        return seen;
    }
}
