package dev.runline.gateway;

import dev.runline.schemas.kafka.BrokerProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin())
                // Instants are read as OffsetDateTime, in the proleptic calendar the processor writes them in:
                // Jdbi's default goes through java.sql.Timestamp, whose Julian calendar moves dates before 1583.
                .registerColumnMapper(Instant.class, (results, column, context) -> {
                    OffsetDateTime time = results.getObject(column, OffsetDateTime.class);
                    return time == null ? null : time.toInstant();
                });
    }

    /** Declared by the gateway too, so that whichever service starts first creates it with the right shape. */
    @Bean
    NewTopic runsTopic(GatewayProperties properties) {
        return GatewayTopics.declare(properties.topic(), properties);
    }

    @Bean(destroyMethod = "close")
    BrokerProbe brokerProbe(KafkaProperties kafka) {
        return new BrokerProbe(String.join(",", kafka.getBootstrapServers()), Duration.ofSeconds(2));
    }

    /** Readiness follows the broker: a gateway that cannot publish must not receive traffic. */
    @Bean
    HealthIndicator broker(BrokerProbe probe) {
        return () -> {
            try {
                return Health.up().withDetail("brokers", probe.liveBrokers()).build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.toString()).build();
            }
        };
    }
}
