package dev.runline.processor.park;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParkingPlanTest {

    @Test
    void aRunMissingASubUnitParksAndTheLaterRunsOfItsUnitParkBehindIt() {
        assertThat(ParkingPlan.parking(List.of("a", "b", "a", "c", "a"), Set.of(), Set.of(2))).containsExactly(2, 4);
    }

    @Test
    void runsOfAUnitWithAParkedRecordParkEvenWithNothingMissing() {
        assertThat(ParkingPlan.parking(List.of("a", "b", "a"), Set.of("a"), Set.of())).containsExactly(0, 2);
    }

    @Test
    void anEarlierRunOfTheUnitIsStoredBeforeTheParkedOne() {
        assertThat(ParkingPlan.parking(List.of("a", "a"), Set.of(), Set.of(1))).containsExactly(1);
    }

    @Test
    void otherUnitsNeverPark() {
        assertThat(ParkingPlan.parking(List.of("x", "y"), Set.of("a"), Set.of())).isEmpty();
    }

    @Test
    void anEditParksOnlyBehindAParkedRecordOfItsUnit() {
        assertThat(ParkingPlan.parks("a", Set.of("a"))).isTrue();
        assertThat(ParkingPlan.parks("b", Set.of("a"))).isFalse();
    }

    @Test
    void aParkedRunWaitsUntilTheWaitIsOverThenIsDeadLettered() {
        assertThat(ParkingPlan.Release.of(false, true)).isEqualTo(ParkingPlan.Release.STORE);
        assertThat(ParkingPlan.Release.of(true, false)).isEqualTo(ParkingPlan.Release.WAIT);
        assertThat(ParkingPlan.Release.of(true, true)).isEqualTo(ParkingPlan.Release.DEAD_LETTER);
    }
}
