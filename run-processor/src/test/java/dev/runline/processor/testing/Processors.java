package dev.runline.processor.testing;

import dev.runline.processor.ProcessorApplication;
import dev.runline.schemas.testing.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** A processor instance of its own (not a test's Spring context), for tests that run several or restart them. */
public final class Processors {

    private Processors() {}

    /** Topic {@code topic}, dead letters on {@code topic-dlt}; {@code extra} settings override the defaults. */
    public static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String databaseUrl, String topic,
            String... extra) {
        String[] settings = {
            "--spring.main.web-application-type=none",
            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + TestDatabase.USER,
            "--spring.datasource.password=" + TestDatabase.PASSWORD,
            "--runline.processor.topic=" + topic,
            "--runline.processor.dead-letter-topic=" + topic + "-dlt",
            "--runline.processor.partitions=4",
        };
        return new SpringApplicationBuilder(ProcessorApplication.class)
                .properties("spring.config.name=" + ProcessorApplication.CONFIG_NAME)
                .run(Stream.concat(Arrays.stream(settings), Arrays.stream(extra)).toArray(String[]::new));
    }

    /** A counter's count, 0 when nothing was counted yet. */
    public static double counted(ConfigurableApplicationContext processor, String name) {
        Counter counter = processor.getBean(MeterRegistry.class).find(name).counter();
        return counter == null ? 0 : counter.count();
    }
}
