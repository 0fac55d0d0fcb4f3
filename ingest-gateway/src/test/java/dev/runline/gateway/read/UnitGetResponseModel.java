package dev.runline.gateway.read;

import static dev.runline.gateway.read.ClientShape.DATETIME;
import static dev.runline.gateway.read.ClientShape.DURATION;
import static dev.runline.gateway.read.ClientShape.NUMBER;
import static dev.runline.gateway.read.ClientShape.STRING;
import static dev.runline.gateway.read.ClientShape.listOf;
import static dev.runline.gateway.read.ClientShape.nullable;
import static dev.runline.gateway.read.ClientShape.oneOf;

import dev.runline.gateway.read.ClientShape.Model;
import dev.runline.gateway.read.ClientShape.Type;

/**
 * The v2 client's {@code UnitGetResponse} and the models under it, field by field, as
 * {@code tofupilot/v2/models/unit_getop.py} declares them: the unit's own part and its revision are required and
 * not nullable, while a parent's or child's part, and that part's revision, are {@code Nullable}; the
 * creators, batch and {@code created_during} are {@code OptionalNullable}; {@code children} and
 * {@code attachments} are {@code Optional} lists (absent, never null).
 */
final class UnitGetResponseModel {

    static final Type OUTCOME = oneOf("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED");

    static final Model REVISION = Model.named("UnitGetRevision")
            .required("id", STRING)
            .required("number", STRING);

    static final Model PART = Model.named("UnitGetPart")
            .required("id", STRING)
            .required("number", STRING)
            .required("name", STRING)
            .required("revision", REVISION);

    /** {@code ParentPart} and {@code ChildPart} are alike: their revision may be null. */
    static final Model RELATIVE_PART = Model.named("ParentPart/ChildPart")
            .required("id", STRING)
            .required("number", STRING)
            .required("name", STRING)
            .required("revision", nullable(Model.named("ParentRevision/ChildRevision")
                    .required("id", STRING).required("number", STRING)));

    static final Model PARENT = Model.named("UnitGetParent")
            .required("id", STRING)
            .required("serial_number", STRING)
            .required("part", nullable(RELATIVE_PART));

    static final Model CHILD = Model.named("UnitGetChild")
            .required("id", STRING)
            .required("serial_number", STRING)
            .required("part", nullable(RELATIVE_PART));

    static final Model CREATED_DURING = Model.named("CreatedDuring")
            .required("id", STRING)
            .required("created_at", DATETIME)
            .required("started_at", DATETIME)
            .required("ended_at", DATETIME)
            .required("duration", DURATION)
            .required("outcome", OUTCOME)
            .required("procedure", Model.named("UnitGetProcedure").required("id", STRING).required("name", STRING));

    static final Model ATTACHMENT = Model.named("UnitGetAttachment")
            .required("id", STRING)
            .required("name", STRING)
            .required("size", nullable(NUMBER))
            .required("content_type", nullable(STRING))
            .required("download_url", nullable(STRING));

    static final Model RESPONSE = Model.named("UnitGetResponse")
            .required("id", STRING)
            .required("serial_number", STRING)
            .required("created_at", DATETIME)
            .required("part", PART)
            .required("parent", nullable(PARENT))
            .optional("created_by_user", nullable(Model.named("UnitGetCreatedByUser")
                    .required("id", STRING).required("name", nullable(STRING))))
            .optional("created_by_station", nullable(Model.named("UnitGetCreatedByStation")
                    .required("id", STRING).required("name", STRING)))
            .optional("batch", nullable(Model.named("UnitGetBatch").required("id", STRING).required("number", STRING)))
            .optional("children", listOf(CHILD))
            .optional("created_during", nullable(CREATED_DURING))
            .optional("attachments", listOf(ATTACHMENT));

    private UnitGetResponseModel() {}
}
