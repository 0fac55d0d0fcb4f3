package dev.runline.gateway.openhtf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The validator texts OpenHTF writes ({@code str()} of each validator in openhtf/util/validators.py), read back. */
class OpenHtfValidatorTextTest {

    private static String bound(String operator, String value, String outcome) {
        return "{\"operator\":\"" + operator + "\",\"expected_value\":" + value + ",\"outcome\":\"" + outcome
                + "\",\"is_decisive\":true}";
    }

    private static String pass(String operator, String value) {
        return bound(operator, value, "PASS");
    }

    private static String marginal(String operator, String value) {
        return "{\"operator\":\"" + operator + "\",\"expected_value\":" + value + ",\"is_decisive\":false}";
    }

    private static String expression(String text) {
        return "{\"expression\":" + RecordBody.JSON.writeValueAsString(text) + ",\"outcome\":\"PASS\"}";
    }

    private static Arguments known(String text, String... validators) {
        return Arguments.of(text, "PASS", "[" + String.join(",", validators) + "]");
    }

    private static Arguments kept(String text) {
        return Arguments.of(text, "PASS", "[" + expression(text) + "]");
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                known("x <= 2.0", pass("<=", "2.0")),
                known("4.75 <= x <= 5.25", pass(">=", "4.75"), pass("<=", "5.25")),
                known("20 <= x <= 85", pass(">=", "20"), pass("<=", "85")),
                known("0.5 <= x", pass(">=", "0.5")),
                known("x < 3", pass("<", "3")),
                known("x > -1e-05", pass(">", "-1e-05")),
                known("5 >= x", pass("<=", "5")),
                known("x >= 1.5e+20", pass(">=", "1.5e20")),
                known("-3 < x < 3", pass(">", "-3"), pass("<", "3")),
                known("1 <= Marginal:2 <= x <= Marginal:4 <= 5",
                        pass(">=", "1"), marginal(">=", "2"), marginal("<=", "4"), pass("<=", "5")),
                known("x == 5", pass("==", "5")),
                known("x == 3.3", pass("==", "3.3")),
                known("x == True", pass("==", "true")),
                known("x == False", pass("==", "false")),
                known("x == None", pass("==", "null")),
                known("x == 'PASS'", pass("==", "\"PASS\"")),
                known("x == \"PASS\"", pass("==", "\"PASS\"")),
                known("x != 0", pass("!=", "0")),
                known("'x' is equal to 'abc'", pass("==", "\"abc\"")),
                known("'x' is equal to '[1, 2]'", pass("==", "\"[1, 2]\"")),
                known("'x' matches /^1\\.0\\.7$/", pass("matches", "\"^1\\\\.0\\\\.7$\"")),
                known("'x' matches /^PCB[0-9]+$/", pass("matches", "\"^PCB[0-9]+$\"")),
                known("'x' matches /a/b/", pass("matches", "\"a/b\"")),
                known("x in [1, 2, 3]", pass("in", "[1,2,3]")),
                known("x in ('a', 'b')", pass("in", "[\"a\",\"b\"]")),
                known("x not in {'x, y', 'z'}", pass("not in", "[\"x, y\",\"z\"]")),
                known("x in (5,)", pass("in", "[5]")),
                known("x in [True, None, 2.5]", pass("in", "[true,null,2.5]")),
                kept("'x' is within 5% of 10."),
                kept("'x' is within 5% of 10. Marginal: 2% of 10"),
                kept("All values pass: x <= 5"),
                kept("Once pass, rest must also pass: x <= 5"),
                kept("x <= inf"),
                kept("x <= 1e99999"),
                kept("x <= 1e999999999999"),
                kept("x == 0x10"),
                kept("x <= 1e400"),
                kept("x <= 1e99999999999"),
                kept("nan <= x"),
                kept("a <= x"),
                kept("x <= y <= 3"),
                kept("x < 1 > 0"),
                kept("x == abc"),
                kept("x in [1, foo]"),
                kept("x in ['open"),
                kept("<function my_check at 0x7f95c6152900>"),
                kept(""),
                Arguments.of("x <= 2.0", "FAIL", "[" + bound("<=", "2.0", "FAIL") + "]"),
                Arguments.of("0 <= x <= 1", "UNSET", "[" + bound(">=", "0", "UNSET") + "," + bound("<=", "1", "UNSET") + "]"));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("texts")
    void openHtfValidatorTextBecomesContractValidators(String text, String outcome, String expected) {
        String actual = "[" + String.join(",", ValidatorText.validators(text, outcome)) + "]";

        JsonNode parsed = RecordBody.json(actual);
        assertThat(parsed).as(actual).isEqualTo(RecordBody.json(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void everyValidatorIsAnOperatorTheApiAcceptsOrAnExpression(String text, String outcome, String ignored) {
        for (String validator : ValidatorText.validators(text, outcome)) {
            JsonNode node = RecordBody.json(validator);
            if (node.has("operator")) {
                assertThat(node.get("operator").stringValue()).isIn(">", ">=", "<", "<=", "==", "!=", "matches", "in", "not in");
                assertThat(node.has("expected_value")).isTrue();
            } else {
                assertThat(node.get("expression").stringValue()).isEqualTo(text);
            }
        }
    }

    @Test
    void textLongerThanAnExpressionIsKeptWithoutBeingParsed() {
        // Blanks after "x" cost the equality pattern time quadratic in their number: hours for a megabyte, if parsed.
        String text = "x" + " ".repeat(1_000_000) + "<= 2";

        JsonNode validator = RecordBody.json(ValidatorText.validators(text, "PASS").getFirst());

        assertThat(validator.has("operator")).isFalse();
        assertThat(validator.get("expression").stringValue()).hasSize(ValidatorText.EXPRESSION_MAX).startsWith("x ");
    }

    @Test
    void longUnknownTextIsCutToTheExpressionLimit() {
        String text = "custom " + "y".repeat(2000);

        JsonNode validator = RecordBody.json(ValidatorText.validators(text, "PASS").getFirst());

        assertThat(validator.get("expression").stringValue()).hasSize(ValidatorText.EXPRESSION_MAX).startsWith("custom y");
    }
}
