package dev.runline.gateway.edit;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.run.JsonFields;
import dev.runline.schemas.event.UnitUpdate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reads the edit routes' requests (contract §11), every issue with its path, as run bodies are read. Pure. */
public final class EditRequests {

    /** One delete names the runs a script selected; a bound keeps one request one short transaction per unit. */
    static final int MAX_RUN_IDS = 1000;
    /** No unit has more files than a run may (the gateway's max-files-per-run, 100 by default, is checked too). */
    static final int MAX_ATTACHMENTS = 1000;

    private static final List<Object> ROOT = List.of();

    private EditRequests() {}

    /**
     * A unit's change as sent: its fields (the edit), and the uploads to attach to it, which are claimed before
     * the edit is published and then travel in it.
     */
    public record UnitChange(UnitUpdate fields, List<UUID> uploadIds) {

        /** An empty body: answered without an edit. */
        public boolean changesNothing() {
            return fields.getNewSerialNumber() == null && fields.getPartNumber() == null
                    && fields.getRevisionNumber() == null && fields.getBatchNumber() == null && !fields.getClearBatch()
                    && uploadIds.isEmpty();
        }
    }

    /**
     * {@code PATCH /api/v2/units/{serial_number}} (v2 {@code units.update}): each field sent is changed, each absent
     * one kept; {@code batch_number: null} takes the unit out of its batch; {@code attachments} are upload ids.
     */
    public static UnitChange unitChange(String serialNumber, JsonNode body) {
        JsonFields fields = new JsonFields();
        String newSerial = fields.identifier(body, ROOT, "new_serial_number", false);
        String partNumber = fields.identifier(body, ROOT, "part_number", false);
        String revision = fields.identifier(body, ROOT, "revision_number", false);
        String batch = fields.identifier(body, ROOT, "batch_number", false);
        List<UUID> uploadIds = uploadIds(fields, JsonFields.present(body, "attachments"));
        if (fields.hasIssues()) {
            throw ApiException.badRequest(fields.issues(), fields.issueCount());
        }
        JsonNode batchNode = body.get("batch_number");
        UnitUpdate update = UnitUpdate.newBuilder()
                .setSerialNumber(serialNumber)
                .setNewSerialNumber(newSerial)
                .setPartNumber(partNumber)
                .setRevisionNumber(revision)
                .setBatchNumber(batch)
                .setClearBatch(batchNode != null && batchNode.isNull())
                // Set once the uploads are claimed; given here so that the builder need not copy Avro's default.
                .setAttachments(List.of())
                .build();
        return new UnitChange(update, uploadIds);
    }

    private static List<UUID> uploadIds(JsonFields fields, JsonNode attachments) {
        if (attachments == null) {
            return List.of();
        }
        if (!attachments.isArray()) {
            fields.issue(List.of("attachments"), "must be a list of upload ids");
            return List.of();
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            fields.issue(List.of("attachments"), "must name at most " + MAX_ATTACHMENTS + " uploads");
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < attachments.size(); i++) {
            UUID id = attachments.get(i).isString() ? uuid(attachments.get(i).stringValue()) : null;
            if (id == null) {
                fields.issue(List.of("attachments", i), "must be an upload id (a uuid)");
            } else {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** {@code PUT /api/v2/units/{serial_number}/children} (v2 {@code units.add_child}). */
    public static String childSerialNumber(JsonNode body) {
        JsonFields fields = new JsonFields();
        String child = fields.identifier(body, ROOT, "child_serial_number", true);
        if (fields.hasIssues()) {
            throw ApiException.badRequest(fields.issues(), fields.issueCount());
        }
        return child;
    }

    /** {@code DELETE /api/v2/units/{serial_number}/children?child_serial_number=} (v2 {@code units.remove_child}). */
    public static String childSerialNumber(List<String> query) {
        JsonFields fields = new JsonFields();
        if (query == null || query.isEmpty()) {
            fields.issue(List.of("child_serial_number"), "is required");
        } else if (query.size() > 1) {
            fields.issue(List.of("child_serial_number"), "must be given once");
        } else {
            fields.identifierValue(query.getFirst(), List.of("child_serial_number"));
        }
        if (fields.hasIssues()) {
            throw ApiException.badRequest(fields.issues(), fields.issueCount());
        }
        return query.getFirst();
    }

    /** {@code DELETE /api/v2/runs?ids=…&ids=…} (v2 {@code runs.delete}): distinct ids, in the order given. */
    public static List<UUID> runIds(List<String> query) {
        JsonFields fields = new JsonFields();
        Set<UUID> ids = new LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            fields.issue(List.of("ids"), "is required: at least one run id");
        } else if (query.size() > MAX_RUN_IDS) {
            fields.issue(List.of("ids"), "must name at most " + MAX_RUN_IDS + " runs");
        } else {
            for (int i = 0; i < query.size(); i++) {
                UUID id = uuid(query.get(i));
                if (id == null) {
                    fields.issue(List.of("ids", i), "must be a uuid");
                } else {
                    ids.add(id);
                }
            }
        }
        if (fields.hasIssues()) {
            throw ApiException.badRequest(fields.issues(), fields.issueCount());
        }
        return new ArrayList<>(ids);
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
