package dev.runline.gateway.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checker the list tests rely on finds what the client would reject. */
class ClientModelsTest {

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void conformingUserIsAccepted() {
        JsonNode users = json("""
                [{"id": "u1", "email": "a@example.com", "name": null, "image": null, "banned": false, "extra": 1}]""");

        assertThat(ClientModels.violations(users, ClientModels.USER_LIST)).isEmpty();
    }

    @Test
    void missingRequiredFieldWrongTypeAndUnknownEnumValueAreEachReported() {
        JsonNode page = json("""
                {"data": [{"id": "p1", "name": "P", "created_at": "2026-01-01T00:00:00Z",
                           "created_by_user": {"id": "u1", "email": "a@example.com"},
                           "runs": [{"id": "r1", "outcome": "RUNNING", "started_at": "2026-01-01T00:00:00Z",
                                     "unit": {"id": 7}}],
                           "linkedRepository": null}],
                 "meta": {"has_more": false}}""");

        assertThat(ClientModels.violations(page, ClientModels.PROCEDURE_LIST_RESPONSE)).containsExactlyInAnyOrder(
                "$.data[0].created_by_user.name: missing (required by ProcedureListCreatedByUser)",
                "$.data[0].runs[0].outcome: expected one of " + ((ClientModels.Literal) ClientModels.RUN.required()
                        .get("outcome")).values() + ", got \"RUNNING\"",
                "$.data[0].runs[0].unit.id: expected STR, got 7",
                "$.meta.next_cursor: missing (required by ProcedureListMeta)");
    }
}
