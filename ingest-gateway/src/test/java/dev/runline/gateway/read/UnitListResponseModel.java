package dev.runline.gateway.read;

import static dev.runline.gateway.read.ClientShape.BOOLEAN;
import static dev.runline.gateway.read.ClientShape.DATETIME;
import static dev.runline.gateway.read.ClientShape.INTEGER;
import static dev.runline.gateway.read.ClientShape.STRING;
import static dev.runline.gateway.read.ClientShape.listOf;
import static dev.runline.gateway.read.ClientShape.nullable;
import static dev.runline.gateway.read.ClientShape.oneOf;

import dev.runline.gateway.read.ClientShape.Model;

/**
 * The v2 client's {@code UnitListResponse} ({@code tofupilot/v2/models/unit_listop.py}): {@code data} of
 * {@code UnitListData}, whose {@code children} (serials only) and {@code part} with its revision are required, and
 * whose creators, batch, parent (serial only) and {@code last_run} are {@code OptionalNullable}; in
 * {@code LastRun}, {@code ended_at} and {@code procedure} are {@code Nullable}.
 */
final class UnitListResponseModel {

    static final Model RELATIVE = Model.named("UnitListParent/UnitListChild")
            .required("id", STRING)
            .required("serial_number", STRING);

    static final Model LAST_RUN = Model.named("LastRun")
            .required("id", STRING)
            .required("outcome", oneOf("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED"))
            .required("started_at", DATETIME)
            .required("ended_at", nullable(DATETIME))
            .required("procedure", nullable(Model.named("UnitListProcedure")
                    .required("id", STRING).required("name", STRING)));

    static final Model DATA = Model.named("UnitListData")
            .required("id", STRING)
            .required("serial_number", STRING)
            .required("created_at", DATETIME)
            .required("children", listOf(RELATIVE))
            .required("part", Model.named("UnitListPart")
                    .required("id", STRING)
                    .required("number", STRING)
                    .required("name", STRING)
                    .required("revision", Model.named("UnitListRevision").required("id", STRING).required("number", STRING)))
            .optional("created_by_user", nullable(Model.named("UnitListCreatedByUser")
                    .required("id", STRING).required("name", nullable(STRING))))
            .optional("created_by_station", nullable(Model.named("UnitListCreatedByStation")
                    .required("id", STRING).required("name", STRING)))
            .optional("batch", nullable(Model.named("UnitListBatch").required("id", STRING).required("number", STRING)))
            .optional("parent", nullable(RELATIVE))
            .optional("last_run", nullable(LAST_RUN));

    static final Model RESPONSE = Model.named("UnitListResponse")
            .required("data", listOf(DATA))
            .required("meta", Model.named("UnitListMeta")
                    .required("has_more", BOOLEAN)
                    .required("next_cursor", nullable(INTEGER)));

    private UnitListResponseModel() {}
}
