package dev.runline.bench.report;

import dev.runline.bench.child.ProcessUsage;
import dev.runline.bench.endtoend.EndToEndScenario;
import dev.runline.bench.gateway.GatewayScenario;
import dev.runline.bench.processor.ProcessorScenario;
import dev.runline.bench.reads.ReadsScenario;
import dev.runline.bench.uploads.UploadsScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runline beside the machine's limits, and beside the targets: one row per comparison, for the
 * scenarios that ran.
 *
 * @param ratio  Runline ÷ limit, for rows that compare with a limit
 * @param met    whether the target is met; {@code null} for rows without a target
 */
public record Summary(String measure, String runline, String limit, Double ratio, String target, Boolean met) {

    public static List<Summary> of(GatewayScenario.Result gateway, ProcessorScenario.Result processor,
            EndToEndScenario.Result endToEnd, UploadsScenario.Result uploads, ReadsScenario.Result reads) {
        List<Summary> rows = new ArrayList<>();
        if (gateway != null) {
            for (String run : List.of("typical", "large")) {
                GatewayScenario.Step runline = gateway.saturation("gateway", run);
                GatewayScenario.Step floor = gateway.saturation("http floor", run);
                if (runline != null && floor != null && floor.load().achievedRate() > 0) {
                    double ratio = runline.load().achievedRate() / floor.load().achievedRate();
                    rows.add(new Summary("gateway ÷ HTTP floor, " + run + " runs at saturation",
                            perSecond(runline.load().achievedRate(), "runs"), perSecond(floor.load().achievedRate(), "req"),
                            ratio, run.equals("typical") ? "≥ 50%" : null, run.equals("typical") ? ratio >= 0.5 : null));
                }
            }
            GatewayScenario.Step typical = gateway.saturation("gateway", "typical");
            if (typical != null && gateway.rawProducer().recordsPerSecond() > 0) {
                rows.add(new Summary("gateway ÷ raw Kafka producer, typical runs", perSecond(typical.load().achievedRate(), "runs"),
                        perSecond(gateway.rawProducer().recordsPerSecond(), "records"),
                        typical.load().achievedRate() / gateway.rawProducer().recordsPerSecond(), null, null));
            }
        }
        if (processor != null) {
            ProcessorScenario.Contender copy = processor.contender(ProcessorScenario.COPY);
            for (int consumers : new int[] {1, 2}) {
                ProcessorScenario.Contender contender = processor.contender(ProcessorScenario.consumersName(consumers));
                rows.add(new Summary(contender.name() + " ÷ raw COPY, rows/s", perSecond(contender.rowsPerSecond(), "rows"),
                        perSecond(copy.rowsPerSecond(), "rows"), contender.ratioToCopy(), "≥ 60%", contender.ratioToCopy() >= 0.6));
            }
        }
        if (endToEnd != null) {
            rows.add(new Summary("end to end p99, acknowledged → stored, at " + endToEnd.rate() + " runs/s",
                    String.format(Locale.ROOT, "%.0f ms", endToEnd.ackToStored().p99()), null, null, "≤ 1000 ms",
                    endToEnd.ackToStored().p99() <= 1000 && endToEnd.notSeenStored() == 0));
            rows.add(new Summary("end to end consumer lag", String.format(Locale.ROOT, "%s (slope %.1f runs/s, max %d)",
                    endToEnd.consumerLag().grows() ? "grows" : "no growth", endToEnd.consumerLag().slopePerSecond(),
                    endToEnd.consumerLag().maxLag()), null, null, "no growth", !endToEnd.consumerLag().grows()));
        }
        if (uploads != null) {
            rows.add(new Summary(String.format(Locale.ROOT, "gateway ÷ raw PUT, %d MiB uploads, %d at a time",
                    uploads.fileBytes() >> 20, uploads.clients()), megabytes(uploads.gateway().load().megabytesPerSecond()),
                    megabytes(uploads.raw().load().megabytesPerSecond()), uploads.ratio(), null, null));
        }
        if (reads != null) {
            for (ReadsScenario.Query q : reads.queries()) {
                String measure = String.format(Locale.ROOT, "%s p99, %d readers, %,d runs stored", q.name(), reads.readers(),
                        reads.runs());
                String raw = q.raw().errorCount() > 0 && q.raw().ok() == 0 ? "raw JDBC failed"
                        : String.format(Locale.ROOT, "raw JDBC %.1f ms", q.raw().latency().p99());
                if (q.http().routeMissing()) {
                    rows.add(new Summary(measure, "route missing", raw, null, "< 50 ms", null));
                } else {
                    double p99 = q.http().latency().p99();
                    rows.add(new Summary(measure, String.format(Locale.ROOT, "%.1f ms (p50 %.1f)", p99, q.http().latency().p50()),
                            raw, null, "< 50 ms", p99 < ReadsScenario.P99_LIMIT_MS && q.http().errorCount() == 0));
                }
            }
            rows.add(new Summary(String.format(Locale.ROOT, "processor drain, %,d runs stored ÷ empty database", reads.runs()),
                    perSecond(reads.filledRunsPerSecond(), "runs"), perSecond(reads.emptyRunsPerSecond(), "runs"),
                    reads.drainRatio(), "≥ 90%", reads.drainRatio() >= 0.9));
            rows.add(new Summary(String.format(Locale.ROOT, "processor drain, %,d runs stored, read indexes ÷ without", reads.runs()),
                    perSecond(reads.filledRunsPerSecond(), "runs"), perSecond(reads.withoutReadIndexesRunsPerSecond(), "runs"),
                    reads.readIndexesRatio(), null, null));
        }
        memory(rows, "gateway", Stream.concat(
                gateway == null ? Stream.empty() : gateway.steps().stream().filter(s -> s.target().equals("gateway")
                        && s.run().equals("typical") && s.load().mode().equals("fixed-rate")).map(GatewayScenario.Step::server),
                endToEnd == null ? Stream.empty() : Stream.of(endToEnd.gateway())));
        memory(rows, "processor", Stream.concat(
                processor == null ? Stream.empty() : processor.contenders().stream().map(ProcessorScenario.Contender::processor),
                endToEnd == null ? Stream.empty() : Stream.of(endToEnd.processor())));
        if (uploads != null) {
            memory(rows, "gateway", "uploads", Stream.of(uploads.gateway().gateway()));
        }
        return rows;
    }

    private static void memory(List<Summary> rows, String service, Stream<ProcessUsage> usages) {
        memory(rows, service, "fixed rates, e2e, drains", usages);
    }

    private static void memory(List<Summary> rows, String service, String steps, Stream<ProcessUsage> usages) {
        usages.filter(Objects::nonNull).max(java.util.Comparator.comparingDouble(ProcessUsage::peakRssMiB)).ifPresent(peak ->
                rows.add(new Summary(service + " peak resident memory (" + steps + ")",
                        String.format(Locale.ROOT, "%.0f MiB (%s)", peak.peakRssMiB(), peak.process()), null, null,
                        "< 512 MiB", peak.peakRssMiB() < 512)));
    }

    private static String megabytes(double perSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", perSecond);
    }

    private static String perSecond(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", value, unit);
    }
}
