package dev.runline.gateway.provision.procedure;

import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.run.JsonFields;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v2/procedures {"name", "identifier"?}}, validated.
 *
 * @param identifier null when the organization should get one derived from the name
 */
public record NewProcedure(String name, String identifier) {

    static final int IDENTIFIER_MAX = 20;
    /**
     * Short enough to type at a station and never mistaken for a uuid (a v1 run names its procedure by
     * either); a letter or digit first, so that it reads as a code.
     */
    static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");

    public static NewProcedure read(JsonNode body) {
        JsonFields fields = new JsonFields();
        String name = Fields.name(fields, body, "name", true);
        String identifier = fields.string(body, Fields.ROOT, "identifier", false, IDENTIFIER_MAX);
        if (identifier != null && !IDENTIFIER.matcher(identifier).matches()) {
            fields.issue(List.of("identifier"), "must be 1 to " + IDENTIFIER_MAX
                    + " letters, digits, _ . or -, starting with a letter or digit");
        }
        Fields.requireValid(fields);
        return new NewProcedure(name, identifier);
    }
}
