package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import dev.runline.gateway.run.LogReader;
import dev.runline.schemas.event.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The record's {@code log_records} ({@code level}, {@code source}, {@code lineno}, {@code timestamp_millis},
 * {@code message}; {@code logger_name} is not kept) into run logs, with the API's text rules ({@link LogReader}:
 * long messages and source paths cut, empty ones replaced) so that an imported log reads like a sent one.
 */
final class LogRecordConverter {

    private final RecordValues values;

    LogRecordConverter(RecordValues values) {
        this.values = values;
    }

    List<Log> convert(JsonNode record) {
        JsonNode records = JsonFields.present(record, "log_records");
        if (records == null) {
            return List.of();
        }
        List<Object> path = List.of("log_records");
        if (!records.isArray()) {
            values.issue(path, "must be an array");
            return List.of();
        }
        List<Log> logs = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Log log = log(records.get(i), Issue.append(path, i));
            if (log != null) {
                logs.add(log);
            }
        }
        return logs;
    }

    private Log log(JsonNode element, List<Object> at) {
        JsonNode node = values.fields().object(element, at);
        if (node == null) {
            return null;
        }
        Integer level = values.integer(node, at, "level", Integer.MIN_VALUE);
        if (JsonFields.present(node, "level") == null) {
            values.issue(Issue.append(at, "level"), "is required");
        }
        String message = values.text(node, at, "message", false, Integer.MAX_VALUE);
        String source = values.text(node, at, "source", false, Integer.MAX_VALUE);
        Integer line = values.integer(node, at, "lineno", 0);
        Instant timestamp = values.millis(node, at, "timestamp_millis");
        if (level == null) {
            return null;
        }
        return Log.newBuilder()
                .setLevel(LogLevels.of(level))
                .setTimestamp(timestamp)
                .setMessage(LogReader.message(message))
                .setSourceFile(LogReader.sourceFile(source))
                .setLineNumber(line)
                .build();
    }
}
