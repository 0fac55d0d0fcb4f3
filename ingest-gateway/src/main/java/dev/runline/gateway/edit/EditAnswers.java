package dev.runline.gateway.edit;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What the caller of an edit is answered, from the processor's recorded outcome. Pure. */
final class EditAnswers {

    private final ObjectMapper json;

    EditAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The applied edit's result (the client's response model, e.g. {@code {"id": …}}); a refusal as the error the
     * processor named, which is the one the API would have answered had it seen the conflict itself.
     */
    JsonNode answer(RecordedEdit edit) {
        if (edit.applied()) {
            return json.readTree(edit.result());
        }
        throw new ApiException(refusalCode(edit.errorCode()), edit.message(), List.of(), null);
    }

    static ErrorCode refusalCode(String recorded) {
        return switch (recorded == null ? "" : recorded) {
            case "NOT_FOUND" -> ErrorCode.NOT_FOUND;
            case "CONFLICT" -> ErrorCode.CONFLICT;
            // The processor refuses only with the three codes; anything else is still the caller's edit refused.
            default -> ErrorCode.BAD_REQUEST;
        };
    }
}
