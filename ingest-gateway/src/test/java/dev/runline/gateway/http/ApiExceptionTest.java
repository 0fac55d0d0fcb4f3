package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.run.Issue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    private static final Issue OUTCOME = new Issue(List.of("outcome"), "is required");
    private static final Issue FIRST_LOG = new Issue(List.of("logs", 0), "must be an object");

    @Test
    void oneIssueIsTheMessage() {
        assertThat(ApiException.badRequest(List.of(OUTCOME), 1).getMessage())
                .isEqualTo("Invalid request: outcome: is required");
    }

    @Test
    void severalIssuesAreCountedAndTheFirstNamed() {
        assertThat(ApiException.badRequest(List.of(OUTCOME, FIRST_LOG), 2).getMessage())
                .isEqualTo("Invalid request: 2 issues, first: outcome: is required");
    }

    @Test
    void issuesLeftOutOfTheListAreCountedInTheMessage() {
        ApiException e = ApiException.badRequest(List.of(FIRST_LOG, OUTCOME), 100_000);

        assertThat(e.getMessage()).isEqualTo("Invalid request: 100000 issues, first: logs[0]: must be an object"
                + " (the first 2 are listed; 99998 more were found)");
        assertThat(e.issues()).hasSize(2);
    }
}
