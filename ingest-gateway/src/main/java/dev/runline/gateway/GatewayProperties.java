package dev.runline.gateway;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param topic               where accepted runs are published
 * @param partitions          partitions of that topic when the gateway creates it (runs of one unit stay on one)
 * @param publishTimeout      longest wait for the broker's acknowledgement before answering 503; must exceed the
 *                            producer's max.block.ms + delivery.timeout.ms, so that a 503 means the producer
 *                            itself gave up (nothing will be written later)
 * @param retryAfter          what a 503 tells the station to wait before retrying
 * @param referenceCacheTtl   how long keys, procedures and organization settings are served from memory;
 *                            also the bound on how late a revoked key or a new procedure is seen
 * @param referenceCacheSize  entries kept per reference cache
 * @param keepAliveMaxBody    requests with a larger body (or a chunked one) are answered with Connection: close, working
 *                            around a keep-alive stall in Reactor Netty 1.3.7 (see LargeRequestConnectionClose)
 * @param inFlightHorizon    how long after it was accepted a run that is neither stored nor dead-lettered is reported
 *                            in flight by the status route; past it the id is unknown (404)
 * @param maxBodySize         largest request body accepted (413 above it)
 * @param replicas            replication factor of the topic when the gateway creates it (unset: the broker's
 *                            default); production: 3, so that an acknowledged run survives a broker failure
 * @param minInsyncReplicas   min.insync.replicas of that topic (unset: the broker's default); production: 2
 */
@Validated
@ConfigurationProperties("runline.gateway")
public record GatewayProperties(
        @DefaultValue("runline.runs") @NotBlank String topic,
        @DefaultValue("12") @Positive int partitions,
        @DefaultValue("20s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("5s") Duration referenceCacheTtl,
        @DefaultValue("100000") @Positive long referenceCacheSize,
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("7d") Duration inFlightHorizon,
        @DefaultValue("64KB") DataSize keepAliveMaxBody,
        Integer replicas,
        Integer minInsyncReplicas) {}
