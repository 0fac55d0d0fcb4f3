package dev.runline.gateway.openhtf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.schemas.event.LogLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenHtfLogLevelsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "-2147483648, DEBUG", "-5, DEBUG", "0, DEBUG", "5, DEBUG", "10, DEBUG", "19, DEBUG",
            "20, INFO", "25, INFO", "30, WARNING", "39, WARNING", "40, ERROR", "49, ERROR",
            "50, CRITICAL", "51, CRITICAL", "2147483647, CRITICAL"})
    void pythonLevelCountsAsTheStandardLevelAtOrBelowIt(int level, LogLevel expected) {
        assertThat(LogLevels.of(level)).isEqualTo(expected);
    }
}
