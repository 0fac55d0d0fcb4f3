package dev.runline.processor.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static ConsumerRecord<String, byte[]> deadLetterRecord(Headers headers) {
        return new ConsumerRecord<>("runline.runs-dlt", 3, 41L, 1_764_000_000_000L, TimestampType.CREATE_TIME, 0, 0,
                "org:sn-1", new byte[] {1, 2, 3}, headers, Optional.empty());
    }

    private static void text(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRunlineAndSpringHeadersIntoTheRow() {
        UUID runId = UUID.randomUUID();
        Headers headers = new RecordHeaders();
        text(headers, "traceparent", "00-abc-01");
        text(headers, "kafka_dlt-original-topic", "runline.runs");
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(3).array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(1234L).array());
        text(headers, DeadLetterHeaders.CODE, "NOT_FOUND");
        text(headers, DeadLetterHeaders.MESSAGE, "Sub-unit BRD-1 does not exist");
        text(headers, DeadLetterHeaders.STAGE, "resolve");
        text(headers, DeadLetterHeaders.ATTEMPTS, "2");
        text(headers, DeadLetterHeaders.RUN_ID, runId.toString());

        DeadLetter row = DeadLetters.of(deadLetterRecord(headers), "fallback");

        assertThat(row.originalTopic()).isEqualTo("runline.runs");
        assertThat(row.originalPartition()).isEqualTo(3);
        assertThat(row.originalOffset()).isEqualTo(1234L);
        assertThat(row.topic()).isEqualTo("runline.runs-dlt");
        assertThat(row.offset()).isEqualTo(41L);
        assertThat(row.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(row.stage()).isEqualTo("resolve");
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.runId()).isEqualTo(runId);
        assertThat(row.recordHeadersJson()).contains("traceparent").doesNotContain("kafka_dlt", "runline-");
    }

    @Test
    void recordWithoutHeadersIsStillRecordable() {
        DeadLetter row = DeadLetters.of(deadLetterRecord(new RecordHeaders()), "runline.runs");

        assertThat(row.originalTopic()).isEqualTo("runline.runs");
        assertThat(row.errorCode()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.runId()).isNull();
    }

    @Test
    void replayCarriesTheOriginalHeadersAndTheAttemptsSoFar() {
        Headers headers = new RecordHeaders();
        text(headers, "traceparent", "00-abc-01");
        text(headers, DeadLetterHeaders.ATTEMPTS, "2");
        DeadLetter row = DeadLetters.of(deadLetterRecord(headers), "runline.runs");

        Headers replay = DeadLetters.replayHeaders(row);

        assertThat(DeadLetterHeaders.text(replay, "traceparent")).isEqualTo("00-abc-01");
        assertThat(DeadLetterHeaders.text(replay, DeadLetterHeaders.ATTEMPTS)).isEqualTo("2");
    }

    @Test
    void aRecordKeepsOnlyTheNewestValueOfEachRunlineHeader() {
        Headers headers = new RecordHeaders();
        text(headers, DeadLetterHeaders.ATTEMPTS, "1");
        text(headers, "traceparent", "x");
        text(headers, DeadLetterHeaders.ATTEMPTS, "2");

        DeadLetterPublisher.keepNewestRunlineHeaders(headers);

        assertThat(headers.headers(DeadLetterHeaders.ATTEMPTS)).hasSize(1);
        assertThat(DeadLetterHeaders.text(headers, DeadLetterHeaders.ATTEMPTS)).isEqualTo("2");
        assertThat(List.of(headers.toArray())).hasSize(2);
    }
}
