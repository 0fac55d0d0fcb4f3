package dev.runline.gateway.edit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Edits of stored runs and units (deletes, genealogy, unit fields). The gateway publishes each edit and answers
 * once the processor has applied it, because the official clients expect the edit done when they are answered.
 *
 * @param applyWait    how long a request waits for the processor's outcome; past it the caller gets 503 with
 *                     Retry-After and the edit is still applied, in order (a processor far behind is an outage)
 * @param pollInterval how often the outcome is looked for meanwhile (one indexed select by primary key)
 */
@Validated
@ConfigurationProperties("runline.gateway.edits")
public record EditProperties(
        @DefaultValue("10s") @NotNull Duration applyWait,
        @DefaultValue("50ms") @NotNull Duration pollInterval) {}
