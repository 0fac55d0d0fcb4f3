package dev.runline.gateway.http;

import dev.runline.gateway.run.Issue;
import java.time.Duration;
import java.util.List;

/**
 * A request the gateway answers with the contract's error body. Expected outcomes (bad input, bad key,
 * broker down): logged in one line, never with a stack trace.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<Issue> issues;
    private final Duration retryAfter;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public ApiException(ErrorCode code, String message, List<Issue> issues, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.issues = List.copyOf(issues);
        this.retryAfter = retryAfter;
    }

    /**
     * @param listed the issues the answer lists (the first ones found)
     * @param found  every issue found: the message says how many were left out of the list
     */
    public static ApiException badRequest(List<Issue> listed, int found) {
        String first = listed.getFirst().describe();
        String message = found == 1
                ? "Invalid request: " + first
                : "Invalid request: " + found + " issues, first: " + first;
        if (found > listed.size()) {
            message += " (the first " + listed.size() + " are listed; " + (found - listed.size()) + " more were found)";
        }
        return new ApiException(ErrorCode.BAD_REQUEST, message, listed, null);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Issue> issues() {
        return issues;
    }

    /** Null unless the client should retry after a while (429, 503). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
