package dev.runline.processor;

import dev.runline.processor.messaging.RunListener;
import dev.runline.schemas.event.RunAccepted;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Runline's context on a dead letter, beside spring-kafka's own (original topic, partition, offset,
 * timestamp, exception class and message): the contract's error code and message, and the run and
 * organization it concerns, so operations can tell at a glance what failed and why.
 */
final class DeadLetterHeaders {

    static final String CODE = "runline-error-code";
    static final String MESSAGE = "runline-error-message";
    static final String RUN_ID = "runline-run-id";
    static final String ORGANIZATION_ID = "runline-organization-id";

    private DeadLetterHeaders() {}

    static Headers of(ConsumerRecord<?, ?> record, Exception exception) {
        Headers headers = new RecordHeaders();
        RunRejectedException rejected = cause(exception, RunRejectedException.class);
        if (rejected != null) {
            add(headers, CODE, rejected.code());
            add(headers, MESSAGE, rejected.getMessage());
        } else if (cause(exception, RunListener.UndecodableRecordException.class) != null) {
            add(headers, CODE, "BAD_REQUEST");
            add(headers, MESSAGE, "The record is not a decodable run event");
        } else {
            add(headers, CODE, "INTERNAL_SERVER_ERROR");
            add(headers, MESSAGE, String.valueOf(exception.getMessage()));
        }
        if (record.value() instanceof RunAccepted event) {
            add(headers, RUN_ID, event.getRunId().toString());
            add(headers, ORGANIZATION_ID, event.getOrganizationId().toString());
        }
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
