package dev.runline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runline.gateway.auth.Permissions.KeyKind;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The role table, key kind by key kind. */
class PermissionsTest {

    private static Caller user(String role) {
        return new Caller(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, role);
    }

    private static Caller station() {
        return new Caller(UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(), null);
    }

    private static Set<Permission> granted(Caller caller) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (Permission permission : Permission.values()) {
            if (Permissions.allows(caller, permission)) {
                granted.add(permission);
            }
        }
        return granted;
    }

    @Test
    void adminMayDoEverythingButActAsAStation() {
        assertThat(granted(user("admin"))).isEqualTo(EnumSet.complementOf(EnumSet.of(Permission.READ_CURRENT_STATION)));
    }

    @Test
    void memberWorksWithRunsProceduresAndStationsButManagesNoPeopleKeysOrSettings() {
        assertThat(granted(user("member"))).containsExactlyInAnyOrder(Permission.READ_RUN_STATUS, Permission.CREATE_RUNS,
                Permission.EDIT_RUNS, Permission.READ_ORGANIZATION, Permission.EDIT_CATALOG);
    }

    @Test
    void viewerOnlyReads() {
        assertThat(granted(user("viewer"))).containsExactlyInAnyOrder(Permission.READ_RUN_STATUS, Permission.READ_ORGANIZATION);
    }

    @Test
    void stationCreatesRunsReadsTheirStatusAndItsOwnStationOnly() {
        assertThat(granted(station())).containsExactlyInAnyOrder(Permission.READ_RUN_STATUS, Permission.CREATE_RUNS,
                Permission.READ_CURRENT_STATION);
    }

    @Test
    void unknownRoleMayDoNothing() {
        assertThat(Permissions.kindOf(user("owner"))).isEqualTo(KeyKind.UNKNOWN_ROLE);
        assertThat(granted(user("owner"))).isEmpty();
    }

    @Test
    void stationKeyIsAStationWhateverRoleItCarries() {
        Caller station = new Caller(UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(), "admin");

        assertThat(Permissions.kindOf(station)).isEqualTo(KeyKind.STATION);
    }

    @Test
    void refusalIsForbiddenAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> Permissions.require(user("member"), Permission.MANAGE_KEYS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("This key's role (member) may not manage API keys (admin only)");
                });
        assertThatThrownBy(() -> Permissions.require(user("admin"), Permission.READ_CURRENT_STATION))
                .hasMessageContaining("Only a station key");
    }

    @Test
    void permittedCallerIsReturned() {
        Caller admin = user("admin");

        assertThat(Permissions.require(admin, Permission.MANAGE_ORGANIZATION)).isSameAs(admin);
    }
}
