package dev.runline.gateway.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.provision.key.NewKey;
import dev.runline.gateway.provision.member.MemberRequests;
import dev.runline.gateway.provision.organization.OrganizationChange;
import dev.runline.gateway.provision.procedure.NewProcedure;
import dev.runline.gateway.provision.station.NewStation;
import dev.runline.gateway.run.Issue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provisioning request bodies validate themselves: what they accept and each issue's path. */
class ProvisioningRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static List<List<Object>> issuePaths(ThrowableAssert.ThrowingCallable read) {
        try {
            read.call();
        } catch (ApiException e) {
            return e.issues().stream().map(Issue::path).toList();
        } catch (Throwable other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void procedureNameIsStrippedAndIdentifierOptional() {
        assertThat(NewProcedure.read(json("{\"name\": \"  End of line \"}"))).isEqualTo(new NewProcedure("End of line", null));
        assertThat(NewProcedure.read(json("{\"name\": \"EOL\", \"identifier\": \"EOL-2.b\"}")).identifier()).isEqualTo("EOL-2.b");
    }

    @Test
    void procedureIdentifierIsShortAndCannotPassForAUuid() {
        for (String identifier : List.of("", "-EOL", "EOL 2", UUID.randomUUID().toString(), "A".repeat(21))) {
            assertThat(issuePaths(() -> NewProcedure.read(json("{\"name\": \"x\", \"identifier\": \"" + identifier + "\"}"))))
                    .as(identifier).containsExactly(List.of("identifier"));
        }
    }

    @Test
    void namesMustNotBeBlankTooLongOrHoldControlCharacters() {
        for (String name : List.of("\"\"", "\"   \"", "\"" + "n".repeat(256) + "\"", "\"a\\u0000b\"", "\"a\\tb\"", "12")) {
            assertThat(issuePaths(() -> NewStation.read(json("{\"name\": " + name + "}")))).as(name)
                    .containsExactly(List.of("name"));
        }
    }

    @Test
    void stationProcedureMustBeAUuid() {
        UUID procedure = UUID.randomUUID();

        assertThat(NewStation.read(json("{\"name\": \"EOL\", \"procedure_id\": \"" + procedure + "\"}")).procedureId())
                .isEqualTo(procedure);
        assertThat(issuePaths(() -> NewStation.read(json("{\"name\": \"EOL\", \"procedure_id\": \"FVT1\"}"))))
                .containsExactly(List.of("procedure_id"));
    }

    @Test
    void memberNeedsAnEmailAndOneOfTheThreeRoles() {
        assertThat(MemberRequests.newMember(json("{\"email\": \"a@b.io\", \"role\": \"viewer\"}")))
                .isEqualTo(new MemberRequests.NewMember("a@b.io", null, "viewer"));
        assertThat(issuePaths(() -> MemberRequests.newMember(json("{\"email\": \"a@b\", \"role\": \"Admin\"}"))))
                .containsExactlyInAnyOrder(List.of("email"), List.of("role"));
        assertThat(issuePaths(() -> MemberRequests.roleChange(json("{}")))).containsExactly(List.of("role"));
    }

    @Test
    void keyBelongsToAUserOrAStationAndExpiresInTheFuture() {
        UUID user = UUID.randomUUID();

        assertThat(NewKey.read(json("{\"name\": \"k\", \"user_id\": \"" + user + "\", \"expires_at\": \"2027-01-01T00:00:00\"}"), NOW))
                .isEqualTo(new NewKey("k", user, null, Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(issuePaths(() -> NewKey.read(json("{\"name\": \"k\", \"user_id\": \"" + user + "\", \"station_id\": \""
                + UUID.randomUUID() + "\", \"expires_at\": \"" + NOW + "\"}"), NOW)))
                .containsExactlyInAnyOrder(List.of("station_id"), List.of("expires_at"));
    }

    @Test
    void patternMustCompileAndNullRemovesIt() {
        assertThat(OrganizationChange.read(json("{\"serial_part_regex\": \"^([A-Z]+)-(\\\\d+)$\"}")))
                .isEqualTo(new OrganizationChange(true, "^([A-Z]+)-(\\d+)$"));
        assertThat(OrganizationChange.read(json("{\"serial_part_regex\": null}"))).isEqualTo(new OrganizationChange(true, null));
        assertThat(OrganizationChange.read(json("{}"))).isEqualTo(new OrganizationChange(false, null));
        for (String invalid : List.of("\"(\"", "\"[a-\"", "\"\"", "42")) {
            assertThat(issuePaths(() -> OrganizationChange.read(json("{\"serial_part_regex\": " + invalid + "}"))))
                    .as(invalid).containsExactly(List.of("serial_part_regex"));
        }
    }

    @Test
    void everyIssueIsListedInOneAnswer() {
        assertThatThrownBy(() -> NewKey.read(json("{\"user_id\": 1, \"expires_at\": \"soon\"}"), NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.issues()).hasSize(3));
    }
}
