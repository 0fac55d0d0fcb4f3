package dev.runline.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.run.Issue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** Reading the {@code runs.list} query, without a database. */
class RunListRequestTest {

    /** The parameters as the server hands them over, decoded (the text here is written decoded). */
    private static MultiValueMap<String, String> query(String text) {
        return text.isEmpty() ? new LinkedMultiValueMap<>()
                : UriComponentsBuilder.fromUriString("/?" + text).build().getQueryParams();
    }

    @Test
    void theModelsDefaultsAreNewestFirstFiftyFromTheStart() {
        RunListRequest request = RunListRequest.read(query(""));

        assertThat(request.order()).isEqualTo("r.started_at DESC, r.id DESC");
        assertThat(request.limit()).isEqualTo(50);
        assertThat(request.offset()).isZero();
        assertThat(request.filter().ids()).isEmpty();
        assertThat(request.filter().searchPattern()).isNull();
    }

    @Test
    void aLimitAboveTheMaximumIsServedAsTheMaximumAndACursorMayBeWrittenAsAFloat() {
        RunListRequest request = RunListRequest.read(query("limit=500&cursor=50.0&sort_by=serial_number&sort_order=asc"));

        assertThat(request.limit()).isEqualTo(RunListRequest.MAX_LIMIT);
        assertThat(request.offset()).isEqualTo(50);
        assertThat(request.order()).isEqualTo("lower(u.serial_number) ASC, r.id ASC");
    }

    @Test
    void namesAreLowerCasedAndTheSearchTextsWildcardsEscaped() {
        RunListRequest request = RunListRequest.read(query("serial_numbers=SN-A&serial_numbers=sn-B&search_query=5_0%"));

        assertThat(request.filter().serialNumbers()).containsExactly("sn-a", "sn-b");
        assertThat(request.filter().searchPattern()).isEqualTo("%5\\_0\\%%");
    }

    @Test
    void durationsAreSeconds() {
        RunListRequest request = RunListRequest.read(query("duration_min=PT1M30S&duration_max=PT0.5S"));

        assertThat(request.filter().durationMinSeconds()).isEqualTo(90.0);
        assertThat(request.filter().durationMaxSeconds()).isEqualTo(0.5);
    }

    @Test
    void everyBadParameterIsListedWithItsName() {
        assertThatThrownBy(() -> RunListRequest.read(query(
                "ids=x&outcomes=PASS&outcomes=MAYBE&cursor=-1&sort_order=up&duration_min=1m&ended_before=noon")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.issues()).extracting(Issue::path)
                        .containsExactlyInAnyOrder(List.of("ids", 0), List.of("outcomes", 1), List.of("cursor"),
                                List.of("sort_order"), List.of("duration_min"), List.of("ended_before")));
    }
}
