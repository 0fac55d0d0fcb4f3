package dev.runline.gateway.read;

import static dev.runline.gateway.read.ClientShape.STRING;
import static dev.runline.gateway.read.ClientShape.nullable;
import static dev.runline.gateway.read.ClientShape.oneOf;

import dev.runline.gateway.read.ClientShape.Model;

/**
 * The v1 client's {@code Run} ({@code tofupilot/v1/responses/responses.py}), as {@code get_runs} types each
 * element of its {@code result}: {@code TypedDict} keys are required unless the class is {@code total=False};
 * {@code Optional[X]} may be null.
 */
final class V1RunModel {

    static final Model RUN = Model.named("Run")
            .required("id", STRING)
            .required("created_at", STRING)
            .required("started_at", STRING)
            .required("ended_at", STRING)
            .required("duration", STRING)
            .required("outcome", oneOf("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED"))
            .optional("created_by_user", nullable(Model.named("_RunUser")
                    .required("id", STRING).required("name", nullable(STRING))))
            .optional("created_by_station", nullable(Model.named("_RunStation")
                    .optional("id", STRING).optional("name", nullable(STRING))))
            .optional("procedure", nullable(Model.named("_RunProcedure").required("id", STRING).required("name", STRING)))
            .optional("procedure_version", nullable(Model.named("_RunProcedureVersion")
                    .required("id", STRING).required("value", STRING)))
            .optional("unit", nullable(Model.named("_RunUnit")
                    .required("id", STRING)
                    .required("serial_number", STRING)
                    .optional("batch", nullable(Model.named("_RunUnitBatch").required("id", STRING).required("number", STRING)))
                    .optional("revision", nullable(Model.named("_RunUnitRevision")
                            .required("id", STRING)
                            .required("identifier", STRING)
                            .required("component", nullable(Model.named("_RunUnitRevisionComponent")
                                    .optional("id", STRING).optional("part_number", STRING).optional("name", STRING)))))));

    private V1RunModel() {}
}
