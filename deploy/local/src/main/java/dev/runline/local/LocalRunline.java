package dev.runline.local;

import dev.runline.gateway.GatewayApplication;
import dev.runline.processor.ProcessorApplication;
import dev.runline.processor.deadletter.cli.CliDefaults;
import dev.runline.processor.deadletter.cli.DeadLettersCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole pipeline on one machine with nothing installed: a real Kafka broker (KRaft), a real
 * PostgreSQL (embedded binaries) and a real S3 API server for attachments (S3Proxy), all keeping their data
 * under {@code runline.home} (default {@code .runline}), then the processor (which migrates the database) and the gateway. Ctrl-C stops
 * everything in reverse order.
 */
public final class LocalRunline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRunline.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final LocalSettings settings;
    private DemoOrganization.Credentials demo;
    private String databaseUrl;
    private String objectStoreEndpoint;

    LocalRunline(LocalSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && DeadLettersCommand.NAME.equals(args[0])) {
            System.exit(DeadLettersCommand.run(deadLetterDefaults(LocalSettings.fromEnvironment()),
                    Arrays.copyOfRange(args, 1, args.length)));
        }
        long begin = System.nanoTime();
        LocalRunline runline = new LocalRunline(LocalSettings.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runline.close();
            stopped.countDown();
        }, "runline-local-shutdown"));
        try {
            runline.start(args);
        } catch (Exception e) {
            log.error("event=local_start_failed", e);
            System.exit(1);
        }
        System.out.println(runline.banner(Duration.ofNanos(System.nanoTime() - begin)));
        stopped.await();
    }

    /** The dead-letter tool pointed at this machine's local mode (running in another terminal). */
    static CliDefaults deadLetterDefaults(LocalSettings settings) {
        return new CliDefaults("jdbc:postgresql://localhost:%d/%s".formatted(settings.postgresPort(), LocalDatabase.DATABASE),
                LocalDatabase.USER, LocalDatabase.PASSWORD, "localhost:" + settings.kafkaPort(), CliDefaults.currentUser());
    }

    void start(String... args) throws Exception {
        Path home = settings.home();
        LocalDatabase database = LocalDatabase.start(home.resolve("postgres"), settings.postgresPort());
        started.push(database);
        databaseUrl = database.jdbcUrl();
        LocalBroker broker = LocalBroker.start(home.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        started.push(broker);
        LocalObjectStore objectStore = LocalObjectStore.start(home, settings.objectStorePort());
        started.push(objectStore);
        objectStoreEndpoint = objectStore.endpoint().toString();

        String[] shared = {
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + LocalDatabase.USER,
            "--spring.datasource.password=" + LocalDatabase.PASSWORD,
            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        };
        ConfigurableApplicationContext processor = spring(ProcessorApplication.class, ProcessorApplication.CONFIG_NAME,
                concat(shared, "--server.port=" + settings.processorPort()), args);
        started.push(processor::close);
        demo = DemoOrganization.ensure(processor.getBean(Jdbi.class), home.resolve("demo-api-key"));
        ConfigurableApplicationContext gateway = spring(GatewayApplication.class, GatewayApplication.CONFIG_NAME,
                concat(concat(shared, objectStore.gatewaySettings()), "--server.port=" + settings.gatewayPort()), args);
        started.push(gateway::close);
    }

    private static ConfigurableApplicationContext spring(Class<?> application, String configName, String[] settings, String[] args) {
        return new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + configName)
                // The local mode stops the services itself, before the broker and the database.
                .registerShutdownHook(false)
                .run(concat(settings, args));
    }

    String banner(Duration startup) {
        String url = "http://localhost:" + settings.gatewayPort();
        return """

                ==================================================================================
                 Runline is running (ready in %.1f s). Data: %s
                   Gateway:      %s   (health: %s/actuator/health/readiness)
                   Processor:    http://localhost:%d/actuator/prometheus
                   Kafka:        localhost:%d      PostgreSQL: localhost:%d (user postgres, db runline)
                   Object store: %s (S3 API, bucket %s; files in %s)
                   API key:      %s
                   Procedure id: %s (identifier %s)

                 Stations (TofuPilot clients, OpenHTF integration), before `python your_test.py`:
                   export TOFUPILOT_URL=%s
                   export TOFUPILOT_API_KEY=%s
                   v2 client: TofuPilot(api_key=..., server_url="%s")

                 Post a run:
                   curl -sS -X POST %s/api/v2/runs \\
                     -H 'Authorization: Bearer %s' \\
                     -H 'Content-Type: application/json' \\
                     -d '{"procedure_id":"%s","serial_number":"SN-0001","part_number":"PCB-100","outcome":"PASS",
                          "phases":[{"name":"power_on","outcome":"PASS","measurements":[{"name":"vcc","outcome":"PASS","measured_value":3.3,"units":"V"}]}]}'

                 Look at it:
                   psql -h localhost -p %d -U postgres runline -c 'SELECT id, outcome, started_at FROM runs ORDER BY stored_at DESC LIMIT 5'

                 Ctrl-C stops everything; data stays in %s.
                ==================================================================================
                """.formatted(startup.toMillis() / 1000.0, settings.home().toAbsolutePath(), url, url,
                settings.processorPort(), settings.kafkaPort(), settings.postgresPort(), objectStoreEndpoint,
                LocalObjectStore.BUCKET, settings.home().resolve("objects").toAbsolutePath(), demo.apiKey(),
                demo.procedureId(), DemoOrganization.PROCEDURE_IDENTIFIER, url, demo.apiKey(), url, url, demo.apiKey(), demo.procedureId(), settings.postgresPort(),
                settings.home().toAbsolutePath());
    }

    DemoOrganization.Credentials demo() {
        return demo;
    }

    String databaseUrl() {
        return databaseUrl;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("event=local_stop_failed component={} error=\"{}\"", next, e.toString());
            }
        }
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
