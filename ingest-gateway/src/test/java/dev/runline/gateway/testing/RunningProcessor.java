package dev.runline.gateway.testing;

import dev.runline.processor.ProcessorApplication;
import dev.runline.schemas.testing.TestDatabase;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real run processor, on the gateway test's broker, topics and database, for the routes whose answer is the
 * processor's work (edits are answered once applied). One per test class that needs it; closed with the class.
 */
public final class RunningProcessor implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningProcessor(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningProcessor start(String bootstrapServers, String databaseUrl) {
        return new RunningProcessor(new SpringApplicationBuilder(ProcessorApplication.class)
                .properties("spring.config.name=" + ProcessorApplication.CONFIG_NAME)
                .registerShutdownHook(false)
                .run("--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--spring.datasource.password=" + TestDatabase.PASSWORD,
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--spring.kafka.consumer.group-id=processor-" + UUID.randomUUID(),
                        "--server.port=0",
                        "--runline.processor.topic=" + GatewayIntegrationTest.TOPIC,
                        "--runline.processor.partitions=3",
                        "--runline.processor.dead-letter-topic=" + GatewayIntegrationTest.TOPIC + "-dlt",
                        "--runline.processor.attachment-topic=" + GatewayIntegrationTest.LINK_TOPIC,
                        "--runline.processor.concurrency=1"));
    }

    @Override
    public void close() {
        context.close();
    }
}
