package dev.runline.gateway.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EditAnswersTest {

    private final EditAnswers answers = new EditAnswers(JsonMapper.builder().build());

    @Test
    void anAppliedEditIsAnsweredWithItsRecordedResult() {
        assertThat(answers.answer(new RecordedEdit("applied", null, null, "{\"id\": [\"a\", \"b\"]}")).get("id").size())
                .isEqualTo(2);
    }

    @Test
    void aRefusalIsTheErrorTheProcessorNamed() {
        assertThatThrownBy(() -> answers.answer(new RecordedEdit("refused", "CONFLICT", "Unit SN-2 already exists", "{}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("Unit SN-2 already exists");
                });
        assertThat(EditAnswers.refusalCode("NOT_FOUND")).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(EditAnswers.refusalCode("BAD_REQUEST")).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(EditAnswers.refusalCode(null)).isEqualTo(ErrorCode.BAD_REQUEST);
    }
}
