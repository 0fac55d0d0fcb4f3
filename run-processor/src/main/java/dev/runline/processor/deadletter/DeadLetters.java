package dev.runline.processor.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a dead-letter record (its Runline and spring-kafka headers) into a {@link DeadLetter}, and turns
 * the kept original headers back into Kafka headers for a replay. Pure: no I/O.
 */
public final class DeadLetters {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORIGINAL_TOPIC = DeadLetterHeaders.SPRING_PREFIX + "original-topic";
    private static final String ORIGINAL_PARTITION = DeadLetterHeaders.SPRING_PREFIX + "original-partition";
    private static final String ORIGINAL_OFFSET = DeadLetterHeaders.SPRING_PREFIX + "original-offset";
    private static final String ORIGINAL_TIMESTAMP = DeadLetterHeaders.SPRING_PREFIX + "original-timestamp";
    private static final String EXCEPTION_MESSAGE = DeadLetterHeaders.SPRING_PREFIX + "exception-message";
    private static final String EXCEPTION_CLASS = DeadLetterHeaders.SPRING_PREFIX + "exception-fqcn";

    private DeadLetters() {}

    /**
     * @param fallbackTopic where the record came from when its headers do not say (written by another tool)
     */
    public static DeadLetter of(ConsumerRecord<String, byte[]> record, String fallbackTopic) {
        Headers headers = record.headers();
        String code = DeadLetterHeaders.text(headers, DeadLetterHeaders.CODE);
        String message = firstNonNull(DeadLetterHeaders.text(headers, DeadLetterHeaders.MESSAGE),
                DeadLetterHeaders.text(headers, EXCEPTION_MESSAGE), "No reason recorded");
        Long originalTimestamp = number(headers, ORIGINAL_TIMESTAMP);
        Long originalPartition = number(headers, ORIGINAL_PARTITION);
        return new DeadLetter(
                UUID.randomUUID(),
                record.topic(),
                record.partition(),
                record.offset(),
                firstNonNull(DeadLetterHeaders.text(headers, ORIGINAL_TOPIC), fallbackTopic),
                originalPartition == null ? null : originalPartition.intValue(),
                number(headers, ORIGINAL_OFFSET),
                originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
                uuid(headers, DeadLetterHeaders.RUN_ID),
                uuid(headers, DeadLetterHeaders.ORGANIZATION_ID),
                uuid(headers, DeadLetterHeaders.PROCEDURE_ID),
                code == null ? "INTERNAL_SERVER_ERROR" : code,
                withoutNul(message),
                firstNonNull(DeadLetterHeaders.text(headers, DeadLetterHeaders.STAGE), "unknown"),
                firstNonNull(DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION_CLASS),
                        DeadLetterHeaders.text(headers, EXCEPTION_CLASS)),
                Math.max(1, DeadLetterHeaders.attemptsSoFar(headers)),
                withoutNul(record.key()),
                record.value(),
                originalHeadersJson(headers),
                Instant.ofEpochMilli(record.timestamp()),
                DeadLetter.OPEN,
                null);
    }

    /** The record's own headers, without the dead-letter context, as [{"name", "value" (base64)}]. */
    static String originalHeadersJson(Headers headers) {
        return headersJson(headers, name -> !DeadLetterHeaders.isContext(name));
    }

    /**
     * All of a record's headers as [{"name", "value" (base64)}]: kept with a parked run, so that the dead letter
     * it may become carries them (a replayed run's attempt count among them).
     */
    public static String headersJson(Headers headers) {
        return headersJson(headers, name -> true);
    }

    /** The headers {@link #headersJson(Headers)} wrote. */
    public static Headers headers(String json) {
        Headers headers = new RecordHeaders();
        List<Map<String, String>> kept = JSON.readValue(json, new TypeReference<>() {});
        for (Map<String, String> header : kept) {
            String value = header.get("value");
            headers.add(header.get("name"), value == null ? null : Base64.getDecoder().decode(value));
        }
        return headers;
    }

    private static String headersJson(Headers headers, java.util.function.Predicate<String> keep) {
        List<Map<String, String>> kept = new ArrayList<>();
        for (Header header : headers) {
            if (keep.test(header.key())) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("name", header.key());
                entry.put("value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
                kept.add(entry);
            }
        }
        return JSON.writeValueAsString(kept);
    }

    /**
     * The headers a replay of {@code deadLetter} carries: the original record's own, and the number of
     * times it has been dead-lettered so far (a new failure raises it by one).
     */
    public static Headers replayHeaders(DeadLetter deadLetter) {
        Headers headers = headers(deadLetter.recordHeadersJson());
        headers.add(DeadLetterHeaders.ATTEMPTS, Integer.toString(deadLetter.attempts()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** spring-kafka writes positions as big-endian int or long; Runline's as text. */
    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }

    private static UUID uuid(Headers headers, String name) {
        String text = DeadLetterHeaders.text(headers, name);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** PostgreSQL text cannot hold NUL; a dead letter must be recordable whatever it carries. */
    private static String withoutNul(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
