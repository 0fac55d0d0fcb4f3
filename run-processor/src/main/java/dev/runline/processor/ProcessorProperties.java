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
 * @param concurrency         consumers in this instance (each takes some partitions)
 * @param retryInitial        first wait before retrying a batch after a transient failure
 * @param retryMax            longest wait between retries; transient failures are retried until they pass
 */
@Validated
@ConfigurationProperties("runline.processor")
public record ProcessorProperties(
        @DefaultValue("runline.runs") @NotBlank String topic,
        @DefaultValue("12") @Positive int partitions,
        @DefaultValue("runline.runs-dlt") @NotBlank String deadLetterTopic,
        @DefaultValue("2") @Positive int concurrency,
        @DefaultValue("200ms") Duration retryInitial,
        @DefaultValue("30s") Duration retryMax) {}
