package dev.runline.gateway;

import dev.runline.gateway.bootstrap.cli.BootstrapCommand;
import dev.runline.gateway.bootstrap.cli.DatabaseDefaults;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The ingest gateway: authenticates, validates and publishes runs; answers once the broker acknowledged. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Its own configuration file name, so that it can share a JVM with the processor (local mode). */
    public static final String CONFIG_NAME = "ingest-gateway";

    /** {@code bootstrap ...} creates the first organization and its admin key instead of starting the service. */
    public static void main(String[] args) {
        if (args.length > 0 && BootstrapCommand.NAME.equals(args[0])) {
            System.exit(BootstrapCommand.run(DatabaseDefaults.fromEnvironment(), Arrays.copyOfRange(args, 1, args.length)));
        }
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
