package dev.runline.processor;

import dev.runline.processor.deadletter.cli.CliDefaults;
import dev.runline.processor.deadletter.cli.DeadLettersCommand;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The run processor: consumes accepted runs and stores them, resolved and linked, in PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcessorApplication {

    /** Its own configuration file name, so that it can share a JVM with the gateway (local mode). */
    public static final String CONFIG_NAME = "run-processor";

    /** {@code dead-letters ...} runs the operations tool instead of the service (same image, same environment). */
    public static void main(String[] args) {
        if (args.length > 0 && DeadLettersCommand.NAME.equals(args[0])) {
            System.exit(DeadLettersCommand.run(CliDefaults.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length)));
        }
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ProcessorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
