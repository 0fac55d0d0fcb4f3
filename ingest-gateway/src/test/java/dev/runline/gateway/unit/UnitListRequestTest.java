package dev.runline.gateway.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.run.Issue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** Reading the {@code units.list} query, without a database. */
class UnitListRequestTest {

    /** The parameters as the server hands them over, decoded (the text here is written decoded). */
    private static MultiValueMap<String, String> query(String text) {
        return text.isEmpty() ? new LinkedMultiValueMap<>()
                : UriComponentsBuilder.fromUriString("/?" + text).build().getQueryParams();
    }

    @Test
    void theModelsDefaultsAreNewestCreatedFirstFiftyFromTheStartWithoutFilters() {
        UnitListRequest request = UnitListRequest.read(query(""));

        assertThat(request.order()).isEqualTo("u.created_at DESC NULLS LAST, u.id DESC");
        assertThat(request.limit()).isEqualTo(50);
        assertThat(request.offset()).isZero();
        UnitFilter filter = request.filter();
        assertThat(filter.ids()).isEmpty();
        assertThat(filter.searchPattern()).isNull();
        assertThat(filter.latestOnly()).isFalse();
        assertThat(filter.excludeUnitsWithParent()).isFalse();
        assertThat(filter.runCountMin()).isNull();
        assertThat(filter.filtersRuns()).isFalse();
    }

    @Test
    void aLimitAboveTheMaximumIsServedAsTheMaximumAndNumbersMayBeWrittenAsFloats() {
        UnitListRequest request = UnitListRequest.read(query("limit=500&cursor=50.0&run_count_min=2.0"
                + "&sort_by=last_run_procedure&sort_order=asc"));

        assertThat(request.limit()).isEqualTo(UnitListRequest.MAX_LIMIT);
        assertThat(request.offset()).isEqualTo(50);
        assertThat(request.filter().runCountMin()).isEqualTo(2);
        assertThat(request.order()).isEqualTo("lower(lp.name) ASC NULLS LAST, u.id ASC");
    }

    @Test
    void listsAreRepeatedParametersAndNamesAreLowerCased() {
        UnitFilter filter = UnitListRequest.read(query("serial_numbers=SN-A&serial_numbers=sn-b&part_numbers=PCB-1"
                + "&revision_numbers=Rev-B&batch_numbers=LOT-7&outcomes=FAIL&outcomes=ERROR"
                + "&ids=550e8400-e29b-41d4-a716-446655440000")).filter();

        assertThat(filter.serialNumbers()).containsExactly("sn-a", "sn-b");
        assertThat(filter.partNumbers()).containsExactly("pcb-1");
        assertThat(filter.revisionNumbers()).containsExactly("rev-b");
        assertThat(filter.batchNumbers()).containsExactly("lot-7");
        assertThat(filter.outcomes()).containsExactly("FAIL", "ERROR");
        assertThat(filter.ids()).containsExactly("550e8400-e29b-41d4-a716-446655440000");
        assertThat(filter.filtersRuns()).isTrue();
    }

    @Test
    void flagsTimesAndTheSearchAreRead() {
        UnitFilter filter = UnitListRequest.read(query("latest_only=True&exclude_units_with_parent=true"
                + "&started_after=2026-03-02T10:00:00Z&created_before=2026-03-02T12:00:00+02:00"
                + "&search_query= 50%_off ")).filter();

        assertThat(filter.latestOnly()).isTrue();
        assertThat(filter.excludeUnitsWithParent()).isTrue();
        assertThat(filter.startedAfter()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(filter.createdBefore()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(filter.filtersRuns()).isTrue();
        assertThat(filter.searchPattern()).isEqualTo("%50\\%\\_off%");
    }

    @Test
    void everyBadParameterIsListedWithItsPath() {
        assertThatThrownBy(() -> UnitListRequest.read(query("ids=a&ids=550e8400-e29b-41d4-a716-446655440000&ids=b"
                + "&outcomes=SKIP&latest_only=yes&run_count_max=1.5&limit=0&cursor=-1&sort_by=duration"
                + "&sort_order=up&created_after=today")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.issues()).extracting(Issue::path)
                        .containsExactlyInAnyOrder(List.of("ids", 0), List.of("ids", 2), List.of("outcomes", 0),
                                List.of("latest_only"), List.of("run_count_max"), List.of("limit"), List.of("cursor"),
                                List.of("sort_by"), List.of("sort_order"), List.of("created_after")));
    }
}
