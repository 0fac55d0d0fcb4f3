package dev.runline.gateway.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.run.Issue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ListQueryTest {

    private static ListQuery query(String... namesAndValues) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return ListQuery.of(parameters);
    }

    private static List<List<Object>> issuePaths(ListQuery query) {
        try {
            query.requireValid();
            return List.of();
        } catch (ApiException e) {
            return e.issues().stream().map(Issue::path).toList();
        }
    }

    @Test
    void absentLimitAndCursorAreTheFirstPageOfFifty() {
        assertThat(query().window()).isEqualTo(new ListQuery.Window(50, 0));
    }

    @Test
    void cursorSentAsTheClientsFloatIsTheOffset() {
        assertThat(query("limit", "20", "cursor", "40.0").window()).isEqualTo(new ListQuery.Window(20, 40));
    }

    @Test
    void limitOverTheMaximumIsLoweredNotRefused() {
        ListQuery query = query("limit", "1000");

        assertThat(query.window().limit()).isEqualTo(ListQuery.MAX_LIMIT);
        assertThat(issuePaths(query)).isEmpty();
    }

    @Test
    void nonPositiveLimitNegativeOrFractionalCursorAreEachAnIssue() {
        ListQuery zero = query("limit", "0", "cursor", "-1");
        zero.window();
        ListQuery fraction = query("limit", "ten", "cursor", "2.5");
        fraction.window();

        assertThat(issuePaths(zero)).containsExactly(List.of("limit"), List.of("cursor"));
        assertThat(issuePaths(fraction)).containsExactly(List.of("limit"), List.of("cursor"));
    }

    @Test
    void datetimesAreReadZonedNaiveAsUtcOrAsADate() {
        ListQuery query = query("a", "2024-01-01T10:00:00Z", "b", "2024-01-01T12:00:00 02:00", "c",
                "2024-01-01T10:00:00", "d", "2024-01-01", "e", "yesterday");

        assertThat(query.instant("a")).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(query.instant("b")).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(query.instant("c")).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(query.instant("d")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(query.instant("e")).isNull();
        assertThat(issuePaths(query)).containsExactly(List.of("e"));
    }

    @Test
    void searchIsALowerCaseContainsPatternWithWildcardsMatchedLiterally() {
        assertThat(query("search_query", " 50%_Off! ").search()).isEqualTo("%50!%!_off!!%");
        assertThat(query("search_query", "  ").search()).isNull();
    }

    @Test
    void repeatedAndCommaSeparatedUuidsAreAllRead() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        ListQuery query = query("ids", first.toString(), "ids", second + "," + third, "ids", "nope");

        assertThat(query.uuids("ids")).containsExactly(first, second, third);
        assertThat(issuePaths(query)).containsExactly(List.of("ids"));
    }

    @Test
    void flagIsTrueOrFalse() {
        ListQuery query = query("yes", "true", "no", "False", "bad", "1");

        assertThat(query.flag("yes")).isTrue();
        assertThat(query.flag("no")).isFalse();
        assertThat(query.flag("absent")).isNull();
        assertThat(query.flag("bad")).isNull();
        assertThat(issuePaths(query)).containsExactly(List.of("bad"));
    }
}
