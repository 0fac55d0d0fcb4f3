package dev.runline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GenealogyTest {

    private final UUID system = UUID.randomUUID();
    private final UUID board = UUID.randomUUID();
    private final UUID chip = UUID.randomUUID();

    @Test
    void aUnitWithoutAncestorsTakesAnyOtherUnit() {
        assertThat(Genealogy.cycle(system, "SYS", board, "BRD", List.of())).isNull();
    }

    @Test
    void aUnitCannotBeItsOwnSubUnit() {
        assertThat(Genealogy.cycle(system, "SYS", system, "SYS", List.of())).contains("SYS cannot be its own sub-unit");
    }

    @Test
    void anAncestorOfTheParentCannotBecomeItsSubUnit() {
        // SYS > BRD > CHIP as stored; CHIP taking SYS would close the loop SYS > BRD > CHIP > SYS.
        assertThat(Genealogy.cycle(chip, "CHIP", system, "SYS", List.of(board, system)))
                .contains("SYS is an ancestor of CHIP");
    }

    @Test
    void aSiblingOrDescendantMayMove() {
        // BRD taking CHIP that is already its child, or a unit from elsewhere in the tree, closes no loop.
        assertThat(Genealogy.cycle(board, "BRD", chip, "CHIP", List.of(system))).isNull();
    }
}
