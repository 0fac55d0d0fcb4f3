package dev.runline.processor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param topic               accepted runs
 * @param partitions          partitions of that topic when the processor creates it
 * @param deadLetterTopic     runs that cannot be stored (needs at least as many partitions as the topic)
 * @param deadLetterRecorderGroup consumer group that records dead letters in PostgreSQL
 * @param concurrency         consumers in this instance (each takes some partitions)
 * @param retryInitial        first wait before retrying a batch after a transient failure
 * @param retryMax            longest wait between retries; transient failures are retried until they pass
 * @param subUnitWait         how long a run naming a missing sub-unit stays parked before it is dead-lettered
 * @param subUnitRetryInterval how often parked runs are re-checked (the partition does not wait meanwhile)
 * @param replicas            replication factor of the topics it creates (unset: the broker's default);
 *                            production: 3, so that an acknowledged run survives a broker failure
 * @param minInsyncReplicas   min.insync.replicas of those topics (unset: the broker's default); production: 2
 * @param attachmentTopic     links of uploaded files to runs, published by the gateway
 * @param attachmentDeadLetterTopic links that cannot be decoded, kept with their original bytes
 */
@Validated
@ConfigurationProperties("runline.processor")
public record ProcessorProperties(
        @DefaultValue("runline.runs") @NotBlank String topic,
        @DefaultValue("12") @Positive int partitions,
        @DefaultValue("runline.runs-dlt") @NotBlank String deadLetterTopic,
        @DefaultValue("runline-dead-letter-recorder") @NotBlank String deadLetterRecorderGroup,
        @DefaultValue("2") @Positive int concurrency,
        @DefaultValue("200ms") Duration retryInitial,
        @DefaultValue("30s") Duration retryMax,
        @DefaultValue("15s") Duration subUnitWait,
        @DefaultValue("1s") Duration subUnitRetryInterval,
        Integer replicas,
        Integer minInsyncReplicas,
        @DefaultValue("runline.attachments") @NotBlank String attachmentTopic,
        @DefaultValue("runline.attachments-dlt") @NotBlank String attachmentDeadLetterTopic) {
}
