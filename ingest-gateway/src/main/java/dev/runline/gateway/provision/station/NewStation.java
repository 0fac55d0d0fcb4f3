package dev.runline.gateway.provision.station;

import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.run.JsonFields;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v2/stations {"name", "procedure_id"?}}, validated. */
public record NewStation(String name, UUID procedureId) {

    public static NewStation read(JsonNode body) {
        JsonFields fields = new JsonFields();
        String name = Fields.name(fields, body, "name", true);
        UUID procedureId = fields.uuid(body, Fields.ROOT, "procedure_id", false);
        Fields.requireValid(fields);
        return new NewStation(name, procedureId);
    }
}
