package dev.runline.gateway.provision.organization;

import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.run.JsonFields;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * {@code PATCH /api/v2/organization {"serial_part_regex": "..." | null}}, validated. As a merge patch: a
 * field absent is left as it is, {@code null} removes the setting.
 *
 * @param serialPartRegexGiven whether the body names the pattern at all
 * @param serialPartRegex      the new pattern; null to remove it (runs must then send their part number)
 */
public record OrganizationChange(boolean serialPartRegexGiven, String serialPartRegex) {

    static final int REGEX_MAX = 1000;

    public static OrganizationChange read(JsonNode body) {
        JsonFields fields = new JsonFields();
        boolean given = body.has("serial_part_regex");
        String regex = fields.string(body, Fields.ROOT, "serial_part_regex", false, REGEX_MAX);
        if (regex != null) {
            checkRegex(fields, regex);
        }
        Fields.requireValid(fields);
        return new OrganizationChange(given, regex);
    }

    /**
     * Compiled exactly as the gateway will use it on serials, so that a pattern accepted here never fails
     * there. Only capture group 1 matters (else the whole match); further groups are allowed and ignored.
     */
    private static void checkRegex(JsonFields fields, String regex) {
        List<Object> at = List.of("serial_part_regex");
        if (regex.isEmpty()) {
            fields.issue(at, "must not be empty: send null to remove the pattern");
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException invalid) {
            fields.issue(at, "must be a valid Java regular expression: " + invalid.getDescription()
                    + (invalid.getIndex() >= 0 ? " near index " + invalid.getIndex() : ""));
        }
    }
}
