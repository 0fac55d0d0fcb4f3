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

    public static ApiException badRequest(List<Issue> issues) {
        String message = issues.size() == 1
                ? "Invalid request: " + issues.getFirst().describe()
                : "Invalid request: " + issues.size() + " issues, first: " + issues.getFirst().describe();
        return new ApiException(ErrorCode.BAD_REQUEST, message, issues, null);
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
