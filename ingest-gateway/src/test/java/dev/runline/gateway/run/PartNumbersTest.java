package dev.runline.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.reference.PartNumbers;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PartNumbersTest {

    @Test
    void captureGroupOneIsThePartNumber() {
        assertThat(PartNumbers.extract(Pattern.compile("^([A-Z]+-\\d+)-\\d+$"), "PCB-100-000123"))
                .isEqualTo(new PartNumbers.Extracted("PCB-100"));
    }

    @Test
    void withoutGroupTheWholeMatchIsThePartNumber() {
        assertThat(PartNumbers.extract(Pattern.compile("[A-Z]{3}"), "xPCBx1"))
                .isEqualTo(new PartNumbers.Extracted("PCB"));
    }

    @Test
    void noPatternMeansThePartMustBeSent() {
        assertThat(PartNumbers.extract(null, "SN-1")).isInstanceOf(PartNumbers.NoRegex.class);
    }

    @Test
    void serialThatDoesNotMatchIsUnprocessable() {
        assertThat(PartNumbers.extract(Pattern.compile("^PCB-(\\d+)"), "XYZ-1")).isInstanceOf(PartNumbers.NoMatch.class);
    }
}
