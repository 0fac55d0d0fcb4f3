package dev.runline.gateway.edit;

/**
 * An edit's outcome as the processor recorded it in {@code edits}.
 *
 * @param outcome   {@code applied} or {@code refused}
 * @param errorCode for a refusal: NOT_FOUND, CONFLICT or BAD_REQUEST
 * @param result    for an applied edit: the JSON object the caller is answered
 */
public record RecordedEdit(String outcome, String errorCode, String message, String result) {

    public boolean applied() {
        return "applied".equals(outcome);
    }
}
