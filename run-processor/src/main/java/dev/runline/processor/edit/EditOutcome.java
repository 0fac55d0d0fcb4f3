package dev.runline.processor.edit;

import java.util.Map;

/**
 * What became of an edit, as recorded in {@code edits} and answered by the gateway: applied with its result, or
 * refused with an error code of the API's taxonomy (NOT_FOUND, CONFLICT, BAD_REQUEST) and a message for the caller.
 */
record EditOutcome(boolean applied, String errorCode, String message, Map<String, Object> result) {

    static EditOutcome applied(Map<String, Object> result) {
        return new EditOutcome(true, null, null, result);
    }

    static EditOutcome refused(String errorCode, String message) {
        return new EditOutcome(false, errorCode, message, Map.of());
    }
}
