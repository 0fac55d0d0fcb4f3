package dev.runline.gateway.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.run.Issue;
import dev.runline.schemas.event.UnitUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EditRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode body(String json) {
        return JSON.readTree(json);
    }

    private static List<List<Object>> paths(Runnable read) {
        try {
            read.run();
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            return e.issues().stream().map(Issue::path).toList();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void anUpdateKeepsWhatIsAbsentAndClearsABatchSentAsNull() {
        EditRequests.UnitChange change = EditRequests.unitChange("SN-1",
                body("{\"part_number\":\"PCB-2\",\"batch_number\":null}"));
        UnitUpdate update = change.fields();

        assertThat(update.getSerialNumber()).isEqualTo("SN-1");
        assertThat(update.getPartNumber()).isEqualTo("PCB-2");
        assertThat(update.getNewSerialNumber()).isNull();
        assertThat(update.getRevisionNumber()).isNull();
        assertThat(update.getBatchNumber()).isNull();
        assertThat(update.getClearBatch()).isTrue();
        assertThat(change.uploadIds()).isEmpty();
        assertThat(change.changesNothing()).isFalse();
    }

    @Test
    void anAbsentBatchIsKeptAndAnEmptyBodyChangesNothing() {
        EditRequests.UnitChange change = EditRequests.unitChange("SN-1",
                body("{\"batch_number\":\"LOT-3\",\"attachments\":[]}"));

        assertThat(change.fields().getBatchNumber()).isEqualTo("LOT-3");
        assertThat(change.fields().getClearBatch()).isFalse();
        assertThat(EditRequests.unitChange("SN-1", body("{}")).changesNothing()).isTrue();
    }

    @Test
    void attachmentsAreDistinctUploadIdsAndAloneAreAChange() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        EditRequests.UnitChange change = EditRequests.unitChange("SN-1",
                body("{\"attachments\":[\"%s\",\"%s\",\"%s\"]}".formatted(a, b, a)));

        assertThat(change.uploadIds()).containsExactly(a, b);
        assertThat(change.changesNothing()).isFalse();
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThat(paths(() -> EditRequests.unitChange("SN-1", body("""
                {"new_serial_number":"", "part_number":"a b", "revision_number":5, "batch_number":"%s",
                 "attachments":["%s", "nope", 3]}""".formatted("x".repeat(61), UUID.randomUUID())))))
                .containsExactly(List.of("new_serial_number"), List.of("part_number"), List.of("revision_number"),
                        List.of("batch_number"), List.of("attachments", 1), List.of("attachments", 2));
        assertThat(paths(() -> EditRequests.unitChange("SN-1", body("{\"attachments\":\"one\"}"))))
                .containsExactly(List.of("attachments"));
    }

    @Test
    void childSerialFromBodyOrQuery() {
        assertThat(EditRequests.childSerialNumber(body("{\"child_serial_number\":\"SUB-1\"}"))).isEqualTo("SUB-1");
        assertThat(EditRequests.childSerialNumber(List.of("SUB-2"))).isEqualTo("SUB-2");
        assertThat(paths(() -> EditRequests.childSerialNumber(body("{}")))).containsExactly(List.of("child_serial_number"));
        assertThat(paths(() -> EditRequests.childSerialNumber((List<String>) null)))
                .containsExactly(List.of("child_serial_number"));
        assertThat(paths(() -> EditRequests.childSerialNumber(List.of("A", "B")))).containsExactly(List.of("child_serial_number"));
        assertThat(paths(() -> EditRequests.childSerialNumber(List.of("bad\u0000serial"))))
                .containsExactly(List.of("child_serial_number"));
    }

    @Test
    void runIdsAreDistinctInTheOrderGivenAndBadOnesNamedByPosition() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        assertThat(EditRequests.runIds(List.of(a.toString(), b.toString(), a.toString()))).containsExactly(a, b);
        assertThat(paths(() -> EditRequests.runIds(List.of(a.toString(), "x", b + "0")))).containsExactly(
                List.of("ids", 1), List.of("ids", 2));
        assertThat(paths(() -> EditRequests.runIds(List.of()))).containsExactly(List.of("ids"));
        List<String> tooMany = new ArrayList<>(Collections.nCopies(EditRequests.MAX_RUN_IDS + 1, a.toString()));
        assertThat(paths(() -> EditRequests.runIds(tooMany))).containsExactly(List.of("ids"));
    }
}
