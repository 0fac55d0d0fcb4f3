package dev.runline.processor.deadletter;

import dev.runline.processor.RunRejectedException;
import dev.runline.schemas.RunEventCodec;
import dev.runline.schemas.RunPartitionKey;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.testing.RunEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid dead-letter rows, as the recorder writes them: an open NOT_FOUND dead letter of a decodable run,
 * with one header of its own. A test overrides only the fields it is about.
 */
public final class DeadLetterBuilder {

    private static final RunEventCodec CODEC = new RunEventCodec();
    /** Dead letters sit at distinct positions of the dead-letter topic (unique in the table). */
    private static final AtomicLong OFFSETS = new AtomicLong();

    private UUID id = UUID.randomUUID();
    private String topic = "runline.runs-dlt";
    private long offset = OFFSETS.incrementAndGet();
    private String originalTopic = "runline.runs";
    private Integer originalPartition = 0;
    private Long originalOffset = offset;
    private Instant deadLetteredAt = Instant.parse("2026-11-24T08:00:00Z");
    private UUID runId;
    private UUID organizationId;
    private UUID procedureId;
    private String errorCode = "NOT_FOUND";
    private String errorMessage = "Procedure does not exist in this organization";
    private String stage = "resolve";
    private String exceptionClass = RunRejectedException.class.getName();
    private int attempts = 1;
    private String recordKey;
    private byte[] recordValue;
    private String recordHeadersJson =
            headersJson("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    private String state = DeadLetter.OPEN;

    private DeadLetterBuilder() {
        event(RunEvents.aRunAccepted().build());
    }

    public static DeadLetterBuilder aDeadLetter() {
        return new DeadLetterBuilder();
    }

    /** The run the dead letter holds: its ids, its partition key and its encoded bytes. */
    public DeadLetterBuilder event(RunAccepted event) {
        this.runId = event.getRunId();
        this.organizationId = event.getOrganizationId();
        this.procedureId = event.getRun().getProcedureId();
        this.recordKey = RunPartitionKey.of(event.getOrganizationId(), event.getRun().getSerialNumber());
        this.recordValue = CODEC.encode(event);
        return this;
    }

    /** Bytes that are not a run event: the ids stay unknown, as the recorder leaves them. */
    public DeadLetterBuilder undecodableValue(byte[] value) {
        this.recordValue = value;
        this.runId = null;
        this.organizationId = null;
        this.procedureId = null;
        this.errorCode = "BAD_REQUEST";
        this.stage = "decode";
        return this;
    }

    /** A value of this many bytes, whatever it holds (e.g. larger than the broker accepts). */
    public DeadLetterBuilder valueOfSize(int bytes) {
        this.recordValue = new byte[bytes];
        return this;
    }

    public DeadLetterBuilder id(UUID id) {
        this.id = id;
        return this;
    }

    public DeadLetterBuilder originalTopic(String originalTopic) {
        this.originalTopic = originalTopic;
        return this;
    }

    public DeadLetterBuilder organizationId(UUID organizationId) {
        this.organizationId = organizationId;
        return this;
    }

    public DeadLetterBuilder errorCode(String errorCode) {
        this.errorCode = errorCode;
        return this;
    }

    public DeadLetterBuilder errorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
        return this;
    }

    public DeadLetterBuilder attempts(int attempts) {
        this.attempts = attempts;
        return this;
    }

    public DeadLetterBuilder deadLetteredAt(Instant deadLetteredAt) {
        this.deadLetteredAt = deadLetteredAt;
        return this;
    }

    public DeadLetterBuilder state(String state) {
        this.state = state;
        return this;
    }

    /** The original record's own headers, one here, as the recorder stores them (base64 values). */
    public DeadLetterBuilder header(String name, String value) {
        this.recordHeadersJson = headersJson(name, value);
        return this;
    }

    public DeadLetter build() {
        return new DeadLetter(id, topic, 0, offset, originalTopic, originalPartition, originalOffset,
                deadLetteredAt.minusSeconds(1), runId, organizationId, procedureId, errorCode, errorMessage, stage,
                exceptionClass, attempts, recordKey, recordValue, recordHeadersJson, deadLetteredAt, state, null);
    }

    private static String headersJson(String name, String value) {
        return "[{\"name\": \"%s\", \"value\": \"%s\"}]".formatted(name,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
}
