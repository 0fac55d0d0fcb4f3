package dev.runline.gateway.read;

import static dev.runline.gateway.read.ClientShape.BOOLEAN;
import static dev.runline.gateway.read.ClientShape.DATETIME;
import static dev.runline.gateway.read.ClientShape.DURATION;
import static dev.runline.gateway.read.ClientShape.INTEGER;
import static dev.runline.gateway.read.ClientShape.STRING;
import static dev.runline.gateway.read.ClientShape.listOf;
import static dev.runline.gateway.read.ClientShape.nullable;
import static dev.runline.gateway.read.ClientShape.oneOf;

import dev.runline.gateway.read.ClientShape.Model;

/**
 * The v2 client's {@code RunListResponse} ({@code tofupilot/v2/models/run_listop.py}): {@code data} of
 * {@code RunListData} (a run without phases, logs, attachments, sub-units; its station's {@code name} is not
 * nullable there) and {@code meta}.
 */
final class RunListResponseModel {

    static final Model DATA = Model.named("RunListData")
            .required("id", STRING)
            .required("created_at", DATETIME)
            .required("started_at", DATETIME)
            .required("ended_at", DATETIME)
            .required("duration", DURATION)
            .required("outcome", oneOf("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED"))
            .required("procedure", RunGetResponseModel.PROCEDURE)
            .required("unit", RunGetResponseModel.UNIT)
            .optional("docstring", nullable(STRING))
            .optional("created_by_user", nullable(RunGetResponseModel.USER))
            .optional("created_by_station", nullable(Model.named("RunListCreatedByStation")
                    .required("id", STRING).required("name", STRING)))
            .optional("operated_by", nullable(RunGetResponseModel.USER));

    static final Model RESPONSE = Model.named("RunListResponse")
            .required("data", listOf(DATA))
            .required("meta", Model.named("RunListMeta")
                    .required("has_more", BOOLEAN)
                    .required("next_cursor", nullable(INTEGER)));

    private RunListResponseModel() {}
}
