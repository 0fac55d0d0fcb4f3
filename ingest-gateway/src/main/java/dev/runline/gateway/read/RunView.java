package dev.runline.gateway.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runline.gateway.attachment.AttachmentView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored run as the v2 client's {@code RunGetResponse} model has it ({@code runs.get}); the client validates
 * every answer against that model. A field the model marks nullable is always written, null when unknown; a
 * field it marks optional but not nullable ({@code measured_value}, {@code data_series}) is left out instead.
 * Times are ISO 8601 instants, durations ISO 8601 durations ({@code PT2M30S}).
 */
public record RunView(
        UUID id,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("ended_at") Instant endedAt,
        String duration,
        String outcome,
        Procedure procedure,
        Unit unit,
        String docstring,
        @JsonProperty("created_by_user") Person createdByUser,
        @JsonProperty("created_by_station") Station createdByStation,
        @JsonProperty("operated_by") Person operatedBy,
        List<Phase> phases,
        List<AttachmentView> attachments,
        List<Log> logs,
        @JsonProperty("sub_units") List<SubUnit> subUnits) {

    public record Procedure(UUID id, String name, Version version) {}

    public record Version(UUID id, String tag) {}

    public record Unit(UUID id, @JsonProperty("serial_number") String serialNumber, Part part, Batch batch) {}

    public record Part(UUID id, String number, String name, Revision revision) {}

    public record Revision(UUID id, String number) {}

    public record Batch(UUID id, String number) {}

    /** A user: {@code created_by_user} and {@code operated_by}. */
    public record Person(UUID id, String name, String email) {}

    public record Station(UUID id, String name) {}

    public record Phase(
            UUID id,
            String name,
            String outcome,
            @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("ended_at") Instant endedAt,
            String duration,
            @JsonProperty("retry_count") int retryCount,
            List<Measurement> measurements,
            String docstring) {}

    /** {@code id} is a string in the model; Runline's measurement ids are numbers, written as their text. */
    public record Measurement(
            String id,
            String name,
            String outcome,
            String units,
            List<Validator> validators,
            List<Aggregation> aggregations,
            @JsonProperty("measured_value") @JsonInclude(JsonInclude.Include.NON_NULL) Object measuredValue,
            @JsonProperty("data_series") @JsonInclude(JsonInclude.Include.NON_NULL) List<Series> dataSeries) {}

    public record Validator(
            String outcome,
            String operator,
            @JsonProperty("expected_value") Object expectedValue,
            String expression,
            @JsonProperty("is_decisive") Boolean isDecisive,
            @JsonProperty("is_expression_only") boolean isExpressionOnly,
            @JsonProperty("analytics_expression") String analyticsExpression,
            @JsonProperty("has_custom_expression") boolean hasCustomExpression) {}

    public record Aggregation(String id, String type, String outcome, Object value, String unit,
            List<Validator> validators) {}

    /** A data series: the measurement's x axis first, then each y axis. */
    public record Series(List<Double> data, String units, List<Validator> validators, List<Aggregation> aggregations) {}

    public record Log(String id, String level, Instant timestamp, String message,
            @JsonProperty("source_file") String sourceFile, @JsonProperty("line_number") int lineNumber) {}

    public record SubUnit(UUID id, @JsonProperty("serial_number") String serialNumber,
            @JsonProperty("part_number") String partNumber, @JsonProperty("part_name") String partName) {}
}
