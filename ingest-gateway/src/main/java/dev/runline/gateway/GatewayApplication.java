package dev.runline.gateway;

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

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
