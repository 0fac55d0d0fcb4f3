package dev.runline.processor.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static String line(Object... values) {
        StringBuilder out = new StringBuilder();
        CsvRows.appendLine(out, values);
        return out.toString();
    }

    @Test
    void quotesEveryValueAndLeavesNullEmpty() {
        UUID id = UUID.fromString("01a20cbe-0000-7000-8000-000000000001");

        assertThat(line(id, 3, null, "", 2.5, true, Instant.parse("2026-11-02T08:15:30.123456Z")))
                .isEqualTo("\"01a20cbe-0000-7000-8000-000000000001\",\"3\",,\"\",\"2.5\",\"true\",\"2026-11-02T08:15:30.123456Z\"\n");
    }

    @Test
    void doublesQuotesAndKeepsSeparatorsNewlinesAndBackslashesInsideTheQuotes() {
        assertThat(line("say \"hi\", then\nleave \\ now\r"))
                .isEqualTo("\"say \"\"hi\"\", then\nleave \\ now\r\"\n");
    }

    @Test
    void writesJsonTextAsIs() {
        assertThat(line("[{\"operator\":\">=\",\"expected_value\":1.0}]"))
                .isEqualTo("\"[{\"\"operator\"\":\"\">=\"\",\"\"expected_value\"\":1.0}]\"\n");
    }
}
