package dev.runline.gateway.run;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.JsonNode;

/**
 * Size limits that protect the service from one oversized run, sized for real end-of-line tests
 * (thousands of measurements per run pass). A run over a limit gets a 400 naming the limit, checked
 * before any element is read, so that an oversized body costs a count, not a validation of each element.
 *
 * @param maxPhases                phases per run
 * @param maxMeasurementsPerPhase  measurements in one phase
 * @param maxMeasurements          measurements per run, all phases together
 * @param maxLogs                  logs per run
 * @param maxSubUnits              sub-units per run
 */
@ConfigurationProperties("runline.gateway.limits")
public record RunLimits(
        @DefaultValue("1000") int maxPhases,
        @DefaultValue("10000") int maxMeasurementsPerPhase,
        @DefaultValue("50000") int maxMeasurements,
        @DefaultValue("20000") int maxLogs,
        @DefaultValue("1000") int maxSubUnits) {

    public static RunLimits defaults() {
        return new RunLimits(1000, 10_000, 50_000, 20_000, 1000);
    }

    /** Counts what the body holds (v1 steps count as phases) and records an issue per limit exceeded. */
    void check(JsonFields fields, JsonNode body) {
        int phaseCount = size(body.get("phases")) + size(body.get("steps"));
        if (phaseCount > maxPhases) {
            fields.issue(List.of(body.has("phases") ? "phases" : "steps"), "has " + phaseCount
                    + " phases (steps included), over the limit of " + maxPhases + " (runline.gateway.limits.max-phases)");
        }
        countAtMost(fields, body.get("logs"), List.of("logs"), maxLogs, "runline.gateway.limits.max-logs");
        countAtMost(fields, body.get("sub_units"), List.of("sub_units"), maxSubUnits, "runline.gateway.limits.max-sub-units");
        JsonNode phases = body.get("phases");
        if (phases == null || !phases.isArray()) {
            return;
        }
        int total = 0;
        for (int i = 0; i < phases.size(); i++) {
            JsonNode measurements = phases.get(i).get("measurements");
            if (measurements != null && measurements.isArray()) {
                total += measurements.size();
                countAtMost(fields, measurements, List.of("phases", i, "measurements"), maxMeasurementsPerPhase,
                        "runline.gateway.limits.max-measurements-per-phase");
            }
        }
        if (total > maxMeasurements) {
            fields.issue(List.of("phases"), "has " + total + " measurements in all, over the limit of "
                    + maxMeasurements + " (runline.gateway.limits.max-measurements)");
        }
    }

    private static int size(JsonNode array) {
        return array != null && array.isArray() ? array.size() : 0;
    }

    private static void countAtMost(JsonFields fields, JsonNode array, List<Object> path, int limit, String setting) {
        if (array != null && array.isArray() && array.size() > limit) {
            fields.issue(path, "has " + array.size() + " entries, over the limit of " + limit + " (" + setting + ")");
        }
    }
}
