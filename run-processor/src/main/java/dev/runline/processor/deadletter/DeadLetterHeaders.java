package dev.runline.processor.deadletter;

import dev.runline.processor.FailureStage;
import dev.runline.processor.RunRejectedException;
import dev.runline.processor.messaging.RunListener;
import dev.runline.schemas.event.RunAccepted;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Runline's context on a dead letter, beside spring-kafka's own ({@code kafka_dlt-original-topic},
 * {@code -partition}, {@code -offset}, {@code -timestamp}, exception class, message and stack trace): the
 * contract's error code and message, the stage that failed, the attempt count, and the run, organization
 * and procedure it concerns, so operations can tell at a glance what failed and why.
 */
public final class DeadLetterHeaders {

    /** Every Runline header starts with this; a record keeps only the newest value of each. */
    public static final String PREFIX = "runline-";
    public static final String CODE = PREFIX + "error-code";
    public static final String MESSAGE = PREFIX + "error-message";
    public static final String STAGE = PREFIX + "error-stage";
    public static final String EXCEPTION_CLASS = PREFIX + "exception-class";
    /**
     * How many times the run has been dead-lettered. A replay carries the count so far; failing again
     * raises it by one.
     */
    public static final String ATTEMPTS = PREFIX + "attempts";
    public static final String RUN_ID = PREFIX + "run-id";
    public static final String ORGANIZATION_ID = PREFIX + "organization-id";
    public static final String PROCEDURE_ID = PREFIX + "procedure-id";
    /** spring-kafka's dead-letter headers start with this. */
    public static final String SPRING_PREFIX = "kafka_dlt-";

    private DeadLetterHeaders() {}

    /** The headers added to the dead letter of {@code record}, which failed with {@code exception}. */
    public static Headers of(ConsumerRecord<?, ?> record, Exception exception) {
        Headers headers = new RecordHeaders();
        RunRejectedException rejected = cause(exception, RunRejectedException.class);
        Throwable reason = rejected != null ? rejected : rootCause(exception);
        if (rejected != null) {
            add(headers, CODE, rejected.code());
            add(headers, MESSAGE, rejected.getMessage());
            add(headers, STAGE, rejected.stage().label());
        } else if (cause(exception, RunListener.UndecodableRecordException.class) != null) {
            add(headers, CODE, "BAD_REQUEST");
            add(headers, MESSAGE, "The record is not a decodable run event");
            add(headers, STAGE, FailureStage.DECODE.label());
            reason = cause(exception, RunListener.UndecodableRecordException.class);
        } else {
            add(headers, CODE, "INTERNAL_SERVER_ERROR");
            add(headers, MESSAGE, String.valueOf(reason.getMessage()));
            add(headers, STAGE, FailureStage.STORE.label());
        }
        add(headers, EXCEPTION_CLASS, reason.getClass().getName());
        add(headers, ATTEMPTS, Integer.toString(attemptsSoFar(record.headers()) + 1));
        if (record.value() instanceof RunAccepted event) {
            add(headers, RUN_ID, event.getRunId().toString());
            add(headers, ORGANIZATION_ID, event.getOrganizationId().toString());
            add(headers, PROCEDURE_ID, event.getRun().getProcedureId().toString());
        }
        return headers;
    }

    /** Whether a header is dead-letter context (ours or spring-kafka's) rather than the record's own. */
    public static boolean isContext(String name) {
        return name.startsWith(PREFIX) || name.startsWith(SPRING_PREFIX);
    }

    /** The newest value of a header as text, or null. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Dead-letterings before this one: carried by a replayed record, absent on a first failure. */
    static int attemptsSoFar(Headers headers) {
        String attempts = text(headers, ATTEMPTS);
        try {
            return attempts == null ? 0 : Math.max(0, Integer.parseInt(attempts.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
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
