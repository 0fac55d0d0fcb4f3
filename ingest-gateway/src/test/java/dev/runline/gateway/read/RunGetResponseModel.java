package dev.runline.gateway.read;

import static dev.runline.gateway.read.ClientShape.ANY_LIST;
import static dev.runline.gateway.read.ClientShape.BOOLEAN;
import static dev.runline.gateway.read.ClientShape.DATETIME;
import static dev.runline.gateway.read.ClientShape.DURATION;
import static dev.runline.gateway.read.ClientShape.INTEGER;
import static dev.runline.gateway.read.ClientShape.NUMBER;
import static dev.runline.gateway.read.ClientShape.OBJECT;
import static dev.runline.gateway.read.ClientShape.STRING;
import static dev.runline.gateway.read.ClientShape.listOf;
import static dev.runline.gateway.read.ClientShape.nullable;
import static dev.runline.gateway.read.ClientShape.oneOf;
import static dev.runline.gateway.read.ClientShape.union;

import dev.runline.gateway.read.ClientShape.Model;
import dev.runline.gateway.read.ClientShape.Type;

/**
 * The v2 client's {@code RunGetResponse} and the models under it, field by field, as
 * {@code tofupilot/v2/models/run_getop.py} declares them: {@code X} required, {@code Nullable[X]} required but
 * may be null, {@code OptionalNullable[X]} may be absent or null, {@code Optional[X]} may be absent.
 */
final class RunGetResponseModel {

    static final Type VALIDATION_OUTCOME = oneOf("PASS", "FAIL", "UNSET");
    static final Type EXPECTED_VALUE = union(BOOLEAN, NUMBER, STRING, listOf(NUMBER), listOf(STRING));

    static final Model VALIDATOR = Model.named("RunGetValidator")
            .required("outcome", VALIDATION_OUTCOME)
            .required("operator", nullable(STRING))
            .required("expected_value", nullable(EXPECTED_VALUE))
            .required("expression", STRING)
            .required("is_decisive", nullable(BOOLEAN))
            .required("is_expression_only", BOOLEAN)
            .required("analytics_expression", nullable(STRING))
            .required("has_custom_expression", BOOLEAN);

    static final Model AGGREGATION = Model.named("RunGetAggregation")
            .required("id", STRING)
            .required("type", STRING)
            .required("outcome", nullable(VALIDATION_OUTCOME))
            .required("value", nullable(union(NUMBER, STRING, BOOLEAN)))
            .optional("unit", nullable(STRING))
            .optional("validators", nullable(listOf(VALIDATOR)));

    static final Model DATA_SERIES = Model.named("DataSery")
            .required("data", listOf(NUMBER))
            .required("units", nullable(STRING))
            .optional("validators", nullable(listOf(VALIDATOR)))
            .optional("aggregations", nullable(listOf(AGGREGATION)));

    static final Model MEASUREMENT = Model.named("RunGetMeasurement")
            .required("id", STRING)
            .required("name", STRING)
            .required("outcome", VALIDATION_OUTCOME)
            .required("units", nullable(STRING))
            .required("validators", nullable(listOf(VALIDATOR)))
            .optional("aggregations", nullable(listOf(AGGREGATION)))
            .optional("measured_value", union(NUMBER, STRING, BOOLEAN, listOf(listOf(NUMBER)), OBJECT, ANY_LIST))
            .optional("data_series", listOf(DATA_SERIES));

    static final Model PHASE = Model.named("RunGetPhase")
            .required("id", STRING)
            .required("name", STRING)
            .required("outcome", oneOf("PASS", "FAIL", "SKIP", "ERROR"))
            .required("started_at", DATETIME)
            .required("ended_at", DATETIME)
            .required("duration", DURATION)
            .required("retry_count", INTEGER)
            .required("measurements", listOf(MEASUREMENT))
            .optional("docstring", nullable(STRING));

    static final Model ATTACHMENT = Model.named("RunGetAttachment")
            .required("id", STRING)
            .required("name", STRING)
            .required("size", nullable(NUMBER))
            .required("content_type", nullable(STRING))
            .required("is_report", BOOLEAN)
            .optional("download_url", nullable(STRING));

    static final Model LOG = Model.named("RunGetLog")
            .required("id", STRING)
            .required("level", oneOf("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"))
            .required("timestamp", DATETIME)
            .required("message", STRING)
            .required("source_file", STRING)
            .required("line_number", NUMBER);

    static final Model SUB_UNIT = Model.named("SubUnit")
            .required("id", STRING)
            .required("serial_number", STRING)
            .required("part_number", STRING)
            .required("part_name", nullable(STRING));

    static final Model PROCEDURE = Model.named("RunGetProcedure")
            .required("id", STRING)
            .required("name", STRING)
            .required("version", nullable(Model.named("RunGetVersion").required("id", STRING).required("tag", STRING)));

    static final Model UNIT = Model.named("RunGetUnit")
            .required("id", STRING)
            .required("serial_number", STRING)
            .required("part", Model.named("RunGetPart")
                    .required("id", STRING)
                    .required("number", STRING)
                    .required("name", STRING)
                    .required("revision", Model.named("RunGetRevision").required("id", STRING).required("number", STRING)))
            .optional("batch", nullable(Model.named("RunGetBatch").required("id", STRING).required("number", STRING)));

    static final Model USER = Model.named("RunGetCreatedByUser / RunGetOperatedBy")
            .required("id", STRING)
            .required("name", nullable(STRING))
            .required("email", nullable(STRING));

    static final Model RUN = Model.named("RunGetResponse")
            .required("id", STRING)
            .required("created_at", DATETIME)
            .required("started_at", DATETIME)
            .required("ended_at", DATETIME)
            .required("duration", DURATION)
            .required("outcome", oneOf("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED"))
            .required("procedure", PROCEDURE)
            .required("unit", UNIT)
            .optional("docstring", nullable(STRING))
            .optional("created_by_user", nullable(USER))
            .optional("created_by_station", nullable(Model.named("RunGetCreatedByStation")
                    .required("id", STRING).required("name", nullable(STRING))))
            .optional("operated_by", nullable(USER))
            .optional("phases", listOf(PHASE))
            .optional("attachments", listOf(ATTACHMENT))
            .optional("logs", listOf(LOG))
            .optional("sub_units", listOf(SUB_UNIT));

    private RunGetResponseModel() {}
}
