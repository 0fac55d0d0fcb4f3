package dev.runline.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runline.gateway.run.Issue;
import java.util.List;

/**
 * The contract's error body. {@code error} is the legacy v1 shape ({@code {"error": {"message"}}}),
 * the only part the v1 client reads; it is sent on v1 routes only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, List<IssueBody> issues, LegacyError error) {

    public record IssueBody(List<Object> path, String message) {}

    public record LegacyError(String message) {}

    public static ErrorBody of(ErrorCode code, String message, List<Issue> issues, boolean legacy) {
        return new ErrorBody(
                code.name(),
                message,
                issues.stream().map(issue -> new IssueBody(issue.path(), issue.message())).toList(),
                legacy ? new LegacyError(message) : null);
    }
}
