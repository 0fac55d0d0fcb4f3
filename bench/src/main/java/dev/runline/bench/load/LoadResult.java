package dev.runline.bench.load;

import java.util.Map;

/**
 * What one load step measured.
 *
 * @param mode          {@code fixed-rate} (open loop) or {@code saturation} (closed loop)
 * @param offeredRate   the fixed arrival rate, requests/s ({@code 0} in saturation)
 * @param connections   the closed loop's concurrent connections ({@code 0} at a fixed rate)
 * @param ok            200 responses to requests sent in the measured window
 * @param errors        other outcomes of requests sent in the measured window, by status code or exception
 * @param unfinished    requests still unanswered when the generator stopped waiting for them
 * @param achievedRate  200 responses completed within the measured window, per second of it
 * @param latency       at a fixed rate: from the request's intended send time (coordinated omission
 *                      included); in saturation: from its actual send time
 * @param generatorLag  how late the generator sent requests after their intended time: if it is a sizeable
 *                      part of the latency, the generator (or the CPU it shares) was a bottleneck
 */
public record LoadResult(
        String mode,
        double offeredRate,
        int connections,
        double measuredSeconds,
        long ok,
        Map<String, Long> errors,
        long unfinished,
        double achievedRate,
        Percentiles latency,
        Percentiles generatorLag) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum() + unfinished;
    }
}
