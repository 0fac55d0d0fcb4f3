package dev.runline.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogReaderTest {

    /** U+1F600, two UTF-16 chars. */
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void longMessageIsCutToTheLimit() {
        assertThat(LogReader.message("x".repeat(10_005))).isEqualTo("x".repeat(10_000));
    }

    @Test
    void messageCutFallingInsideAnEmojiDropsTheWholeEmoji() {
        String message = "x".repeat(9_999) + EMOJI + "tail";

        String kept = LogReader.message(message);

        assertThat(kept).isEqualTo("x".repeat(9_999));
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    }

    @Test
    void messageCutJustAfterAnEmojiKeepsIt() {
        String message = "x".repeat(9_998) + EMOJI + "tail";

        assertThat(LogReader.message(message)).isEqualTo("x".repeat(9_998) + EMOJI);
    }

    @Test
    void longSourceFileKeepsItsLastTwoHundredChars() {
        assertThat(LogReader.sourceFile("d/".repeat(150) + "main.py")).hasSize(200).endsWith("main.py");
    }

    @Test
    void sourceFileCutFallingInsideAnEmojiDropsTheWholeEmoji() {
        String sourceFile = "head/" + EMOJI + "y".repeat(199);

        String kept = LogReader.sourceFile(sourceFile);

        assertThat(kept).isEqualTo("y".repeat(199));
        assertThat(Character.isLowSurrogate(kept.charAt(0))).isFalse();
    }

    @Test
    void sourceFileCutJustBeforeAnEmojiKeepsIt() {
        String sourceFile = "head/" + EMOJI + "y".repeat(198);

        assertThat(LogReader.sourceFile(sourceFile)).isEqualTo(EMOJI + "y".repeat(198));
    }

    @Test
    void emptyTextIsReplaced() {
        assertThat(LogReader.message("")).isEqualTo("(empty)");
        assertThat(LogReader.sourceFile("")).isEqualTo("unknown");
    }
}
