package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A phase's {@code attachments} (an object keyed by name, each {@code {"mimetype", "sha1", "data"}}) as files of
 * the run. {@code data} is what {@code OutputToJSON} inlines by default (standard base64); an entry without it
 * is skipped: the TofuPilot integration writes the record with attachments not inlined and uploads them on
 * their own. Names follow the upload route's rules (not blank, at most 255 characters, no control characters).
 */
final class InlinedAttachments {

    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    static final int NAME_MAX = 255;

    private final RecordValues values;

    InlinedAttachments(RecordValues values) {
        this.values = values;
    }

    void read(JsonNode phase, List<Object> phasePath, List<InlinedAttachment> found) {
        JsonNode attachments = JsonFields.present(phase, "attachments");
        if (attachments == null) {
            return;
        }
        List<Object> path = Issue.append(phasePath, "attachments");
        if (!attachments.isObject()) {
            values.issue(path, "must be an object keyed by attachment name");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : attachments.properties()) {
            InlinedAttachment attachment = attachment(entry.getKey(), entry.getValue(), Issue.append(path, entry.getKey()));
            if (attachment != null) {
                found.add(attachment);
            }
        }
    }

    private InlinedAttachment attachment(String name, JsonNode element, List<Object> at) {
        JsonNode node = values.fields().object(element, at);
        if (node == null) {
            return null;
        }
        JsonNode data = JsonFields.present(node, "data");
        if (data == null) {
            return null;
        }
        boolean named = name(name, at);
        String mimetype = values.text(node, at, "mimetype", false, NAME_MAX);
        byte[] bytes = decode(data, Issue.append(at, "data"));
        if (!named || bytes == null || (mimetype == null && JsonFields.present(node, "mimetype") != null)) {
            return null;
        }
        return new InlinedAttachment(name, mimetype == null || mimetype.isBlank() ? DEFAULT_CONTENT_TYPE : mimetype, bytes);
    }

    private boolean name(String name, List<Object> at) {
        String problem = name.isBlank() ? "an attachment name must not be blank"
                : name.length() > NAME_MAX ? "an attachment name must have at most " + NAME_MAX + " characters"
                : name.chars().anyMatch(Character::isISOControl) ? "an attachment name must not contain control characters"
                : null;
        if (problem != null) {
            values.issue(at, problem);
        }
        return problem == null;
    }

    private byte[] decode(JsonNode data, List<Object> at) {
        if (!data.isString()) {
            values.issue(at, "must be a base64 string");
            return null;
        }
        try {
            return Base64.getDecoder().decode(data.stringValue());
        } catch (IllegalArgumentException malformed) {
            values.issue(at, "must be base64 (the standard alphabet, as OpenHTF writes it)");
            return null;
        }
    }
}
