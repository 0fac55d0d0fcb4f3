package dev.runline.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct reading of the common shape must agree with {@code ISO_DATE_TIME} on every text. */
class IsoDateTimesTest {

    @Test
    void readsTheCommonShapes() {
        assertThat(IsoDateTimes.parse("2026-11-02T08:15:30Z")).isEqualTo(Instant.parse("2026-11-02T08:15:30Z"));
        assertThat(IsoDateTimes.parse("2026-11-02T08:15:30.123456789Z")).isEqualTo(Instant.parse("2026-11-02T08:15:30.123456789Z"));
        assertThat(IsoDateTimes.parse("2026-11-02T08:15:30.5+01:30")).isEqualTo(Instant.parse("2026-11-02T06:45:30.5Z"));
        assertThat(IsoDateTimes.parse("2026-11-02T08:15:30-05:00")).isEqualTo(Instant.parse("2026-11-02T13:15:30Z"));
        assertThat(IsoDateTimes.parse("2026-11-02T08:15:30.25")).isEqualTo(Instant.parse("2026-11-02T08:15:30.25Z"));
    }

    @Test
    void leavesOtherShapesToTheFormatter() {
        // The formatter reads case-insensitively and takes a decimal point without digits.
        assertThat(IsoDateTimes.parseCommonShape("2026-11-02t08:15:30z")).isNull();
        assertThat(IsoDateTimes.parse("2026-11-02t08:15:30z")).isEqualTo(Instant.parse("2026-11-02T08:15:30Z"));
        assertThat(IsoDateTimes.parseCommonShape("2026-11-02T08:15:30.Z")).isNull();
        assertThat(IsoDateTimes.parse("2026-11-02T08:15:30.Z")).isEqualTo(Instant.parse("2026-11-02T08:15:30Z"));
        assertThat(IsoDateTimes.parse("2026-11-02T08:15Z")).isEqualTo(Instant.parse("2026-11-02T08:15:00Z"));
        assertThat(IsoDateTimes.parse("2026-11-02T09:15:30+01:00[Europe/Paris]")).isEqualTo(Instant.parse("2026-11-02T08:15:30Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-02T24:00:00Z",
        "2026-11-02T08:60:00Z", "2026-11-02T08:15:60Z", "2026-11-02T08:15:30+19:00",
        "2026-11-02T08:15:30.1234567890Z", "2026-11-02 08:15:30Z", "２０２６-11-02T08:15:30Z"})
    void refusesWhatTheFormatterRefuses(String text) {
        assertThatThrownBy(() -> IsoDateTimes.parseAnyShape(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoDateTimes.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void agreesWithTheFormatterOnRandomAndMutatedTexts() {
        Random random = new Random(20261124);
        String alphabet = "0123456789-:T.Z+ zt,[]/EuropeParis";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                    random.nextInt(10_000), 1 + random.nextInt(13), 1 + random.nextInt(32), random.nextInt(25),
                    random.nextInt(61), random.nextInt(61)));
            if (random.nextBoolean()) {
                text.append('.').append(String.valueOf(random.nextLong() & Long.MAX_VALUE), 0, random.nextInt(11));
            }
            switch (random.nextInt(5)) {
                case 0 -> text.append('Z');
                case 1 -> text.append(random.nextBoolean() ? '+' : '-')
                        .append(String.format("%02d:%02d", random.nextInt(20), random.nextInt(61)));
                case 2 -> text.append("+01:00[Europe/Paris]");
                default -> { }
            }
            for (int m = random.nextInt(3); m > 0 && !text.isEmpty(); m--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertAgree(text.toString());
        }
    }

    private static void assertAgree(String text) {
        Instant expected;
        try {
            expected = IsoDateTimes.parseAnyShape(text);
        } catch (DateTimeException refused) {
            assertThatThrownBy(() -> IsoDateTimes.parse(text)).as(text).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(IsoDateTimes.parse(text)).as(text).isEqualTo(expected);
    }
}
