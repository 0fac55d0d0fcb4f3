package dev.runline.gateway.openhtf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text OpenHTF writes for a validator ({@code str()} of the validator object, see
 * {@code openhtf/util/validators.py}) back into contract §4 validators, so that imported limits are queryable
 * like those sent to the API. Each validator gets the measurement's outcome (OpenHTF records one outcome per
 * measurement, not per validator) and is decisive.
 * <ul>
 *   <li>{@code x <= 2.0}, {@code 20 <= x}, {@code x > 3}: one comparison ({@code lo <= x} is {@code x >= lo}).</li>
 *   <li>{@code 4.75 <= x <= 5.25} (InRange): two validators, {@code >=} then {@code <=}, the way the API stores a
 *       run's deprecated {@code lower_limit}/{@code upper_limit}, so that a limit is found the same way whatever
 *       sent it. Marginal bounds ({@code 1 <= Marginal:2 <= x}) become {@code >=}/{@code <=} validators that are
 *       not decisive and carry no outcome: the record does not say whether the value was marginal.</li>
 *   <li>{@code x == 5}, {@code x == True}, {@code x == 'PASS'}, {@code 'x' is equal to 'abc'}: {@code ==}.</li>
 *   <li>{@code 'x' matches /^1\.0\.7$/} (matches_regex, and equals of a string, which OpenHTF turns into an
 *       escaped regex): {@code matches} with the regex as written.</li>
 *   <li>{@code x in [1, 2]}, {@code x not in ('a', 'b')}: {@code in} / {@code not in} with an array.</li>
 *   <li>Anything else (within-percent, dimension pivots, custom validators, limits that are not numbers, texts
 *       longer than {@value #EXPRESSION_MAX} characters): {@code {"expression": text, "outcome": ...}}, text cut at
 *       {@value #EXPRESSION_MAX} characters.</li>
 * </ul>
 */
final class ValidatorText {

    /** The API's limit on a validator's expression. */
    static final int EXPRESSION_MAX = 1000;

    private static final Pattern MATCHES = Pattern.compile("'x' matches /(.*)/", Pattern.DOTALL);
    private static final Pattern IS_EQUAL_TO = Pattern.compile("'x' is equal to '(.*)'", Pattern.DOTALL);
    private static final Pattern MEMBERSHIP = Pattern.compile("x\\s+(not\\s+in|in)\\s+(.+)", Pattern.DOTALL);
    private static final Pattern EQUALITY = Pattern.compile("(.+?)\\s*(==|!=)\\s*(.+)", Pattern.DOTALL);
    private static final Pattern COMPARISON = Pattern.compile("\\s*(<=|>=|<|>)\\s*");
    private static final String MARGINAL = "Marginal:";

    private ValidatorText() {}

    /**
     * The JSON text of the validators {@code text} means, each a compact object, in the order OpenHTF wrote the
     * bounds. {@code outcome} is the measurement's (PASS, FAIL or UNSET).
     */
    static List<String> validators(String text, String outcome) {
        // Only a text an expression can hold is parsed: OpenHTF's own forms are short, and the patterns below cost
        // time quadratic in the length of some texts (a megabyte of blanks), which a record must not be able to buy.
        List<String> known = text.length() > EXPRESSION_MAX ? null : known(text.strip(), outcome);
        return known != null ? known : List.of(expression(text, outcome));
    }

    private static List<String> known(String text, String outcome) {
        Matcher matches = MATCHES.matcher(text);
        if (matches.matches()) {
            return List.of(validator("matches", PythonLiteral.json(matches.group(1)), outcome, true));
        }
        Matcher equalTo = IS_EQUAL_TO.matcher(text);
        if (equalTo.matches()) {
            return List.of(validator("==", PythonLiteral.json(equalTo.group(1)), outcome, true));
        }
        Matcher membership = MEMBERSHIP.matcher(text);
        if (membership.matches()) {
            String values = PythonLiteral.collection(membership.group(2));
            String operator = membership.group(1).startsWith("not") ? "not in" : "in";
            return values == null ? null : List.of(validator(operator, values, outcome, true));
        }
        Matcher equality = EQUALITY.matcher(text);
        if (equality.matches()) {
            return equality(equality.group(1).strip(), equality.group(2), equality.group(3).strip(), outcome);
        }
        return comparisons(text, outcome);
    }

    /** {@code x == v} or {@code v == x} (and {@code !=}) with a literal {@code v}. */
    private static List<String> equality(String left, String operator, String right, String outcome) {
        String literal = left.equals("x") ? right : right.equals("x") ? left : null;
        String value = literal == null ? null : PythonLiteral.scalar(literal);
        return value == null ? null : List.of(validator(operator, value, outcome, true));
    }

    /**
     * A chain of comparisons with {@code x} in it, all one direction ({@code lo <= x <= hi}, {@code hi >= x}): each
     * other term is a bound on x, with the operator next to it read from x's side.
     */
    private static List<String> comparisons(String text, String outcome) {
        List<String> terms = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        Matcher operator = COMPARISON.matcher(text);
        int start = 0;
        while (operator.find()) {
            terms.add(text.substring(start, operator.start()));
            operators.add(operator.group(1));
            start = operator.end();
        }
        terms.add(text.substring(start));
        if (operators.isEmpty() || terms.stream().filter("x"::equals).count() != 1
                || operators.stream().map(o -> o.charAt(0)).distinct().count() != 1) {
            return null;
        }
        boolean ascending = operators.getFirst().charAt(0) == '<';
        int x = terms.indexOf("x");
        List<String> validators = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            if (i == x) {
                continue;
            }
            String term = terms.get(i);
            boolean marginal = term.startsWith(MARGINAL);
            String bound = PythonLiteral.number(marginal ? term.substring(MARGINAL.length()) : term);
            if (bound == null) {
                return null;
            }
            // A term before x is followed by its operator, a term after x preceded by it.
            String written = i < x ? operators.get(i) : operators.get(i - 1);
            boolean strict = written.length() == 1;
            boolean lower = (i < x) == ascending;
            String fromX = (lower ? ">" : "<") + (strict ? "" : "=");
            validators.add(marginal ? validator(fromX, bound, null, false) : validator(fromX, bound, outcome, true));
        }
        return validators;
    }

    private static String validator(String operator, String expectedJson, String outcome, boolean decisive) {
        StringBuilder json = new StringBuilder(96).append("{\"operator\":").append(PythonLiteral.json(operator))
                .append(",\"expected_value\":").append(expectedJson);
        if (outcome != null) {
            json.append(",\"outcome\":").append(PythonLiteral.json(outcome));
        }
        return json.append(",\"is_decisive\":").append(decisive).append('}').toString();
    }

    private static String expression(String text, String outcome) {
        return "{\"expression\":" + PythonLiteral.json(RecordValues.truncate(text, EXPRESSION_MAX))
                + ",\"outcome\":" + PythonLiteral.json(outcome) + "}";
    }
}
