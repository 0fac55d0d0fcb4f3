package dev.runline.gateway.openhtf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.ReadResult;
import dev.runline.gateway.run.RunLimits;
import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.LogLevel;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.Run;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded property tests of the converter: random well-formed records convert and their essentials survive;
 * random damage (keys removed, values of any type put anywhere, whole random documents) never throws and is
 * either still a run or a list of issues with messages. Re-run a failure with {@code -Drunline.fuzz.seed=<seed>};
 * widen it with {@code -Drunline.fuzz.iterations=}.
 */
class OpenHtfPropertyTest {

    private static final long SEED = Long.getLong("runline.fuzz.seed", 20261203L);
    private static final int ITERATIONS = Integer.getInteger("runline.fuzz.iterations", 3000);
    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SERIAL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:+-";
    private static final List<String> PHASE_NAMES = List.of("trigger_phase", "power_on", "flash", "rf_test", "teardown");
    private static final List<String> VALIDATORS = List.of("x <= 2.0", "4.75 <= x <= 5.25", "x == True", "'x' matches /^1\\.0$/",
            "'x' is within 5% of 10.", "x in [1, 2]", "All values pass: x <= 5", "1 <= Marginal:2 <= x <= Marginal:4 <= 5");

    private final OpenHtfRecordConverter converter = new OpenHtfRecordConverter(RunLimits.defaults());
    private final Random random = new Random(SEED);

    @Test
    void wellFormedRecordsConvertAndKeepTheirEssentials() {
        for (int i = 0; i < ITERATIONS; i++) {
            Expected expected = new Expected();
            ObjectNode record = wellFormed(expected);
            String context = "seed " + SEED + " iteration " + i + ": " + record;
            OpenHtfConversion conversion = convertSafely(record, context);

            assertThat(conversion.run().issues()).as(context).isEmpty();
            Run run = built(conversion.run(), context);
            assertThat(run.getSerialNumber()).as(context).isEqualTo(expected.serial);
            assertThat(run.getPartNumber()).as(context).isEqualTo(expected.part);
            assertThat(run.getOutcome().name()).as(context).isEqualTo(expected.outcome);
            assertThat(run.getStartedAt()).as(context).isEqualTo(Instant.ofEpochMilli(expected.start));
            assertThat(run.getEndedAt()).as(context).isEqualTo(Instant.ofEpochMilli(expected.end));
            if (expected.procedure.length() == 36) {
                assertThat(run.getProcedureId()).as(context).hasToString(expected.procedure);
            } else {
                assertThat(conversion.run().procedureIdentifier()).as(context).isEqualTo(expected.procedure);
            }
            assertThat(run.getPhases()).extracting(Phase::getName).as(context).isEqualTo(expected.phaseNames);
            assertThat(run.getPhases()).extracting(Phase::getRetryCount).as(context).isEqualTo(expected.retryCounts);
            List<String> measurementNames = run.getPhases().stream()
                    .flatMap(p -> p.getMeasurements().stream()).map(Measurement::getName).toList();
            assertThat(measurementNames).as(context).isEqualTo(expected.measurementNames);
            List<Object> values = run.getPhases().stream().flatMap(p -> p.getMeasurements().stream())
                    .map(m -> m.getMeasuredValue() instanceof JsonValue json ? RecordBody.json(json.getJson()) : m.getMeasuredValue())
                    .toList();
            assertThat(values).as(context).isEqualTo(expected.values);
            run.getPhases().stream().flatMap(p -> p.getMeasurements().stream()).filter(m -> m.getValidators() != null)
                    .forEach(m -> assertThat(RecordBody.json(m.getValidators().getJson()).isArray()).as(context).isTrue());
            assertThat(run.getLogs()).extracting(l -> l.getLevel()).as(context).isEqualTo(expected.levels);
            assertThat(conversion.attachments()).hasSize(expected.attachments);
        }
    }

    @Test
    void damagedRecordsAndRandomDocumentsNeverThrow() {
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            JsonNode record;
            if (random.nextInt(10) == 0) {
                record = randomValue(4);
            } else {
                record = wellFormed(new Expected());
                for (int m = 1 + random.nextInt(4); m > 0; m--) {
                    mutate(record);
                }
            }
            String context = "seed " + SEED + " iteration " + i + ": " + record;
            ReadResult result = convertSafely(record, context).run();
            if (result.isValid()) {
                valid++;
                built(result, context);
            } else {
                invalid++;
                assertThat(result.issues()).as(context).isNotEmpty();
                assertThat(result.issuesFound()).as(context).isGreaterThanOrEqualTo(result.issues().size());
                assertThat(result.issues()).extracting(Issue::message).as(context).allSatisfy(m -> assertThat(m).isNotBlank());
            }
        }
        assertThat(valid).as("the fuzzer reached both sides (seed %d)", SEED).isPositive();
        assertThat(invalid).as("the fuzzer reached both sides (seed %d)", SEED).isPositive();
    }

    private OpenHtfConversion convertSafely(JsonNode record, String context) {
        try {
            return converter.convert(record, RECEIVED);
        } catch (Throwable thrown) {
            return fail(context, thrown);
        }
    }

    /** A valid run is complete: it builds, once the import has resolved a procedure identifier. */
    private static Run built(ReadResult result, String context) {
        try {
            Run.Builder run = result.run();
            return (run.hasProcedureId() ? run : run.setProcedureId(UUID.randomUUID())).build();
        } catch (RuntimeException incomplete) {
            return fail(context, incomplete);
        }
    }

    /** What a generated record must convert into, written down while generating it. */
    private static final class Expected {
        String serial;
        String part;
        String procedure;
        String outcome;
        long start;
        long end;
        final List<String> phaseNames = new ArrayList<>();
        final List<Integer> retryCounts = new ArrayList<>();
        final List<String> measurementNames = new ArrayList<>();
        final List<Object> values = new ArrayList<>();
        final List<LogLevel> levels = new ArrayList<>();
        int attachments;
    }

    private ObjectNode wellFormed(Expected expected) {
        ObjectNode record = NODES.objectNode();
        expected.serial = identifier(1 + random.nextInt(60));
        expected.part = random.nextBoolean() ? identifier(1 + random.nextInt(20)) : null;
        expected.procedure = random.nextBoolean() ? UUID.randomUUID().toString() : identifier(1 + random.nextInt(10));
        expected.outcome = pick("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED");
        expected.start = 1_500_000_000_000L + (long) (random.nextDouble() * 400_000_000_000L);
        expected.end = expected.start + random.nextInt(10_000_000);
        record.put("dut_id", expected.serial);
        record.put("station_id", "station-" + random.nextInt(10));
        record.put("start_time_millis", expected.start);
        record.put("end_time_millis", expected.end);
        record.put("outcome", expected.outcome);
        ArrayNode details = record.putArray("outcome_details");
        if (random.nextInt(4) == 0) {
            details.addObject().put("code", "RuntimeError").put("description", randomText());
        }
        ObjectNode metadata = record.putObject("metadata");
        metadata.put("procedure_id", expected.procedure);
        if (expected.part != null) {
            metadata.put("part_number", expected.part);
        }
        metadata.put("test_name", randomText());
        metadata.putObject("config").put("station_id", "vm");
        ArrayNode phases = record.putArray("phases");
        Map<String, Integer> runs = new HashMap<>();
        for (int p = random.nextInt(6); p > 0; p--) {
            phases.add(phase(expected, runs));
        }
        ArrayNode logs = record.putArray("log_records");
        for (int l = random.nextInt(6); l > 0; l--) {
            int level = random.nextInt(80) - 10;
            expected.levels.add(level < 20 ? LogLevel.DEBUG : level < 30 ? LogLevel.INFO : level < 40 ? LogLevel.WARNING
                    : level < 50 ? LogLevel.ERROR : LogLevel.CRITICAL);
            logs.addObject().put("level", level).put("logger_name", "openhtf").put("source", "station.py")
                    .put("lineno", random.nextInt(1000)).put("timestamp_millis", expected.start).put("message", randomText());
        }
        return record;
    }

    private ObjectNode phase(Expected expected, Map<String, Integer> runs) {
        String name = PHASE_NAMES.get(random.nextInt(PHASE_NAMES.size()));
        expected.phaseNames.add(name);
        expected.retryCounts.add(runs.merge(name, 1, Integer::sum) - 1);
        ObjectNode phase = NODES.objectNode();
        phase.put("name", name);
        phase.put("outcome", pick("PASS", "FAIL", "SKIP", "ERROR"));
        phase.put("start_time_millis", expected.start);
        phase.put("end_time_millis", expected.start + random.nextInt(1000));
        phase.putObject("codeinfo").put("name", name).put("docstring", random.nextBoolean() ? randomText() : null);
        phase.putObject("options").put("timeout_s", (String) null);
        phase.putObject("result").put("phase_result", "CONTINUE");
        ObjectNode measurements = phase.putObject("measurements");
        for (int m = random.nextInt(5); m > 0; m--) {
            String measurementName = "m" + measurements.size() + "_" + identifier(1 + random.nextInt(8));
            expected.measurementNames.add(measurementName);
            measurements.set(measurementName, measurement(measurementName, expected));
        }
        ObjectNode attachments = phase.putObject("attachments");
        if (random.nextInt(5) == 0) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            attachments.putObject("file" + random.nextInt(100) + ".bin").put("mimetype", "application/x-test")
                    .put("data", Base64.getEncoder().encodeToString(bytes));
            expected.attachments++;
        }
        return phase;
    }

    private ObjectNode measurement(String name, Expected expected) {
        ObjectNode measurement = NODES.objectNode();
        measurement.put("name", name);
        measurement.put("outcome", pick("PASS", "FAIL", "UNSET", "PARTIALLY_SET", "SKIPPED"));
        if (random.nextBoolean()) {
            measurement.putObject("units").put("name", "volt").put("code", "VLT").put("suffix", "V");
        }
        if (random.nextBoolean()) {
            ArrayNode validators = measurement.putArray("validators");
            validators.add(VALIDATORS.get(random.nextInt(VALIDATORS.size())));
        }
        switch (random.nextInt(6)) {
            case 0 -> {
                double value = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
                measurement.put("measured_value", value);
                expected.values.add(value);
            }
            case 1 -> {
                String value = randomText();
                measurement.put("measured_value", value);
                expected.values.add(value);
            }
            case 2 -> {
                boolean value = random.nextBoolean();
                measurement.put("measured_value", value);
                expected.values.add(value);
            }
            case 3 -> {
                ArrayNode dimensions = measurement.putArray("dimensions");
                dimensions.addObject().put("code", "SEC").put("description", "").put("name", "second").put("suffix", "s");
                ArrayNode rows = measurement.putArray("measured_value");
                for (int r = random.nextInt(5); r > 0; r--) {
                    rows.addArray().add(r).add(random.nextDouble());
                }
                expected.values.add(rows.deepCopy());
            }
            case 4 -> {
                measurement.put("measured_value", random.nextInt(1000));
                expected.values.add((double) measurement.get("measured_value").intValue());
            }
            default -> expected.values.add(null);
        }
        return measurement;
    }

    /** One random change: a key removed or replaced by random JSON, an array element removed, duplicated or added. */
    private void mutate(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.isEmpty() || random.nextInt(8) == 0 ? randomText() : names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                default -> object.set(name, randomValue(2));
            }
        } else if (container instanceof ArrayNode array) {
            switch (random.nextInt(4)) {
                case 0 -> { if (!array.isEmpty()) array.remove(random.nextInt(array.size())); }
                case 1 -> { if (!array.isEmpty()) array.add(array.get(random.nextInt(array.size())).deepCopy()); }
                default -> array.add(randomValue(2));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (JsonNode child : node.values()) {
                collect(child, containers);
            }
        }
    }

    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 14 : 11)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> NODES.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 5 -> NODES.numberNode(new BigInteger(random.nextInt(2000) + 1, random));
            case 6 -> NODES.numberNode(pick(Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MAX_VALUE, 1e-320, 10.5));
            case 7 -> NODES.stringNode(randomText());
            case 8 -> NODES.stringNode(pick("PASS", "FAIL", "ERROR", "UNSET", "SKIP", "PARTIALLY_SET", "x <= 2.0", "FVT1",
                    "4.75 <= x <= 5.25", "'x' matches /(/", "x in [1, 'a", "00000000-0000-0000-0000-000000000000", "", "\u0000",
                    "!!!not base64", "aGk="));
            case 9 -> NODES.stringNode("x".repeat(random.nextInt(300)));
            case 10 -> NODES.numberNode(random.nextInt(3) - 1 + 0.5);
            case 11 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick("name", "outcome", "dut_id", "data", "measured_value", "dimensions", "validators", "level",
                            "units", "suffix", "phase_result", "exc_type", randomText()), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private String identifier(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(SERIAL_CHARS.charAt(random.nextInt(SERIAL_CHARS.length())));
        }
        return text.toString();
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 'a' + random.nextInt(26);
                case 1 -> ' ' + random.nextInt(95);
                case 2 -> 0x00A0 + random.nextInt(0x2000);
                default -> 0x1F600 + random.nextInt(50);
            });
        }
        return text.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
