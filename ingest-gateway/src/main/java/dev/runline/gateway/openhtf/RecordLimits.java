package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.Issue;
import dev.runline.gateway.run.JsonFields;
import dev.runline.gateway.run.RunLimits;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The run limits ({@link RunLimits}) counted on a record's own shape before any element is read, so that an
 * oversized record costs a count: phases, measurements per phase (an object keyed by name in OpenHTF) and in
 * all, and {@code log_records}. Issues name the limit's setting, as for a run sent to the API.
 */
final class RecordLimits {

    private RecordLimits() {}

    static void check(RunLimits limits, JsonFields fields, JsonNode record) {
        JsonNode phases = record.get("phases");
        if (phases != null && phases.isArray()) {
            if (phases.size() > limits.maxPhases()) {
                fields.issue(List.of("phases"), "has " + phases.size() + " phases, over the limit of "
                        + limits.maxPhases() + " (runline.gateway.limits.max-phases)");
            }
            long total = 0;
            for (int i = 0; i < phases.size(); i++) {
                JsonNode measurements = phases.get(i).get("measurements");
                int count = measurements != null && measurements.isContainer() ? measurements.size() : 0;
                total += count;
                if (count > limits.maxMeasurementsPerPhase()) {
                    fields.issue(List.<Object>of("phases", i, "measurements"), "has " + count
                            + " measurements, over the limit of " + limits.maxMeasurementsPerPhase()
                            + " (runline.gateway.limits.max-measurements-per-phase)");
                }
            }
            if (total > limits.maxMeasurements()) {
                fields.issue(List.of("phases"), "has " + total + " measurements in all, over the limit of "
                        + limits.maxMeasurements() + " (runline.gateway.limits.max-measurements)");
            }
        }
        JsonNode logs = record.get("log_records");
        if (logs != null && logs.isArray() && logs.size() > limits.maxLogs()) {
            fields.issue(List.of("log_records"), "has " + logs.size() + " entries, over the limit of "
                    + limits.maxLogs() + " (runline.gateway.limits.max-logs)");
        }
    }
}
