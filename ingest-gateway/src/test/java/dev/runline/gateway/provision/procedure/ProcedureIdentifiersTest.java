package dev.runline.gateway.provision.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcedureIdentifiersTest {

    @Test
    void severalWordsGiveTheirInitials() {
        assertThat(ProcedureIdentifiers.stem("Functional verification test")).isEqualTo("FVT");
        assertThat(ProcedureIdentifiers.stem("burn-in")).isEqualTo("BI");
    }

    @Test
    void atMostFourInitialsAreKept() {
        assertThat(ProcedureIdentifiers.stem("a b c d e f")).isEqualTo("ABCD");
    }

    @Test
    void oneWordGivesItsStart() {
        assertThat(ProcedureIdentifiers.stem("Calibration")).isEqualTo("CALI");
        assertThat(ProcedureIdentifiers.stem("ICT")).isEqualTo("ICT");
    }

    @Test
    void accentsAreDroppedAndNamesWithoutLatinLettersGetAFallback() {
        assertThat(ProcedureIdentifiers.stem("Prüfung")).isEqualTo("PRUF");
        assertThat(ProcedureIdentifiers.stem("機能試験")).isEqualTo("PROC");
    }

    @Test
    void firstFreeNumberIsTakenCaseInsensitively() {
        assertThat(ProcedureIdentifiers.derive("Functional verification test", List.of())).isEqualTo("FVT1");
        assertThat(ProcedureIdentifiers.derive("Functional verification test", List.of("fvt1", "FVT3", "FVTX")))
                .isEqualTo("FVT2");
    }

    @Test
    void stemEndingWithADigitIsSeparatedFromTheNumber() {
        assertThat(ProcedureIdentifiers.derive("EOL test 2", List.of())).isEqualTo("ET2-1");
    }

    @Test
    void derivedIdentifiersAreValidIdentifiers() {
        for (String name : List.of("Functional verification test", "x", "EOL test 2", "機能試験", "Prüfung")) {
            assertThat(ProcedureIdentifiers.derive(name, List.of())).matches(NewProcedure.IDENTIFIER)
                    .hasSizeLessThanOrEqualTo(NewProcedure.IDENTIFIER_MAX);
        }
    }
}
