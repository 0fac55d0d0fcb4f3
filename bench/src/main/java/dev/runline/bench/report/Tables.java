package dev.runline.bench.report;

import dev.runline.bench.child.ProcessUsage;
import dev.runline.bench.endtoend.EndToEndScenario;
import dev.runline.bench.gateway.GatewayScenario;
import dev.runline.bench.load.LoadResult;
import dev.runline.bench.load.Percentiles;
import dev.runline.bench.processor.ProcessorScenario;
import dev.runline.bench.reads.ReadsScenario;
import dev.runline.bench.runs.TypicalRuns;
import dev.runline.bench.uploads.UploadLoad;
import dev.runline.bench.uploads.UploadsScenario;
import java.util.List;
import java.util.Locale;

/** The tables printed at the end of a run, one per scenario, then memory, then the summary. */
public final class Tables {

    private Tables() {}

    public static String gateway(GatewayScenario.Result result) {
        StringBuilder t = new StringBuilder(line("%nGateway and HTTP floor (typical run %.1f KB, large run %.0f KB of JSON)%n",
                result.typicalBodyBytes() / 1024, result.largeBodyBytes() / 1024));
        t.append(line("%-10s %-7s %-12s %10s %8s %8s %8s %9s %8s %9s %7s %7s%n", "target", "run", "load", "achieved/s",
                "errors", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "gen lag", "srv CPU", "gen CPU"));
        for (GatewayScenario.Step step : result.steps()) {
            LoadResult load = step.load();
            String offered = offered(load);
            t.append(line("%-10s %-7s %-12s %10.1f %8d %8.1f %8.1f %9.1f %8.1f %9s %7.2f %7.2f%n", step.target(), step.run(),
                    offered, load.achievedRate(), load.errorCount(), load.latency().p50(), load.latency().p99(),
                    load.latency().p999(), load.latency().max(), load.mode().equals("fixed-rate")
                            ? String.format(Locale.ROOT, "%.1f ms", load.generatorLag().p99()) : "-",
                    step.server().cpuCores(), step.bench().cpuCores()));
        }
        t.append(line("(gen lag: p99 of how late the generator sent; srv/gen CPU: cores used by the server and by the"
                + " benchmark's JVM, i.e. load generator + broker)%n"));
        for (GatewayScenario.Step step : result.steps()) {
            if (step.load().errorCount() > 0) {
                t.append(line("errors, %s %s %s: %s%s%n", step.target(), step.run(), offered(step.load()), step.load().errors(),
                        step.load().unfinished() > 0 ? ", unanswered " + step.load().unfinished() : ""));
            }
        }
        var producer = result.rawProducer();
        t.append(line("Raw Kafka producer, gateway settings: %,.0f records/s, %.1f MB/s, %.0f bytes a record (uncompressed)%n",
                producer.recordsPerSecond(), producer.megabytesPerSecond(), producer.averageRecordBytes()));
        return t.toString();
    }

    public static String processor(ProcessorScenario.Result result) {
        StringBuilder t = new StringBuilder(line("%nProcessor drain: %d typical runs (%d rows each: run, %d phases, %d measurements, %d logs)%n",
                result.runs(), result.rowsPerRun(), TypicalRuns.PHASES, TypicalRuns.PHASES * TypicalRuns.MEASUREMENTS_PER_PHASE,
                TypicalRuns.LOGS));
        t.append(line("%-24s %12s %12s %12s %s%n", "contender", "runs/s", "rows/s", "÷ raw COPY", "rounds (runs/s)"));
        for (ProcessorScenario.Contender c : result.contenders()) {
            t.append(line("%-24s %12.0f %12.0f %11.0f%% %s%n", c.name(), c.runsPerSecond(), c.rowsPerSecond(),
                    100 * c.ratioToCopy(), c.roundsRunsPerSecond().stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList()));
        }
        return t.toString();
    }

    public static String endToEnd(EndToEndScenario.Result result) {
        StringBuilder t = new StringBuilder(line("%nEnd to end: typical runs at %d runs/s for %.0f s (achieved %.1f/s, %d errors)%n",
                result.rate(), result.load().measuredSeconds(), result.load().achievedRate(), result.load().errorCount()));
        t.append(line("%-28s %8s %8s %8s %9s %8s%n", "latency", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"));
        t.append(latency("station: sent → acknowledged", result.load().latency()));
        t.append(latency("acknowledged → stored", result.ackToStored()));
        t.append(latency("sent → stored", result.sentToStored()));
        var lag = result.consumerLag();
        t.append(line("Acknowledged %d, not seen stored %d, stored before the ack was read %d%n", result.acknowledged(),
                result.notSeenStored(), result.storedBeforeAck()));
        t.append(line("Consumer lag (runs, sampled every second): max %d, mean %.1f, trend %+.2f runs/s: %s%n", lag.maxLag(),
                lag.meanLag(), lag.slopePerSecond(), lag.grows() ? "GROWS (the processor does not keep up)" : "no growth"));
        t.append(line("After the unmeasured warm-up the processor %s. Machine CPU during the window: %.2f of"
                + " %d cores busy, of which PostgreSQL %.2f, gateway %.2f, processor %.2f, benchmark (load + broker) %.2f%n",
                result.catchUpSeconds() >= 0 ? String.format(Locale.ROOT, "caught up in %.0f s", result.catchUpSeconds())
                        : "had NOT caught up (the window starts with a backlog)", result.machine().busyCores(), result.machine().cores(),
                result.machine().postgresCores(), result.gateway().cpuCores(), result.processor().cpuCores(),
                result.bench().cpuCores()));
        return t.toString();
    }

    public static String uploads(UploadsScenario.Result result) {
        UploadLoad.Result first = result.raw().load();
        StringBuilder t = new StringBuilder(line("%nUploads: %d MiB files of random bytes, %d clients, %.0f s measured"
                + " (MB = 10^6 bytes)%n", result.fileBytes() >> 20, result.clients(), first.measuredSeconds()));
        t.append(line("%-8s %9s %7s %7s %11s %11s %9s %9s %7s %8s %8s%n", "target", "MB/s", "files", "errors",
                "upload p50", "upload p99", "PUT p50", "PUT p99", "gw CPU", "gen CPU", "machine"));
        for (UploadsScenario.Step step : List.of(result.raw(), result.gateway())) {
            UploadLoad.Result load = step.load();
            t.append(line("%-8s %9.1f %7d %7d %8.0f ms %8.0f ms %6.0f ms %6.0f ms %7s %8.2f %8.2f%n", step.target(),
                    load.megabytesPerSecond(), load.puts(), load.errorCount(), load.upload().p50(), load.upload().p99(),
                    load.put().p50(), load.put().p99(), step.gateway() == null ? "-"
                            : String.format(Locale.ROOT, "%.2f", step.gateway().cpuCores()), step.bench().cpuCores(),
                    step.machine().busyCores()));
        }
        t.append(line("(upload: a whole upload, for the gateway initialize + PUT + finalize; files: PUTs answered 200 in the"
                + " window; CPU in cores, warm-up included: gw the gateway, gen the benchmark's JVM, i.e. the clients and the"
                + " S3 server, machine all %d cores)%n", result.raw().machine().cores()));
        for (UploadsScenario.Step step : List.of(result.raw(), result.gateway())) {
            if (step.load().errorCount() > 0) {
                t.append(line("errors, %s: %s%n", step.target(), step.load().errors()));
            }
        }
        ProcessUsage gateway = result.gateway().gateway();
        t.append(line("Gateway ÷ raw PUT: %s. Gateway (%s): peak RSS %.0f MiB%s, heap %s MiB used / %s committed, %d GCs%n",
                percent(result.ratio()), result.gatewayJvm(), gateway.peakRssMiB(), gateway.peakSinceStart() ? " (since start)" : "",
                gateway.peakHeapUsedMiB() == null ? "-" : String.format(Locale.ROOT, "%.0f", gateway.peakHeapUsedMiB()),
                gateway.peakHeapCommittedMiB() == null ? "-" : String.format(Locale.ROOT, "%.0f", gateway.peakHeapCommittedMiB()),
                gateway.gcPauses()));
        return t.toString();
    }

    public static String reads(ReadsScenario.Result result) {
        StringBuilder t = new StringBuilder(line("%nReads: %,d runs over %,d units, %,d rows, %.0f MiB (filled in %.0f s);"
                + " %d concurrent readers, closed loop, %s%n", result.runs(), result.units(), result.rows(), result.databaseMiB(),
                result.fillSeconds(), result.readers(), result.pause().isZero() ? "back to back"
                        : dev.runline.bench.Progress.show(result.pause()) + " pause after each answer"));
        t.append(line("%-10s %-13s %9s %8s %8s %8s %8s %8s  %s%n", "query", "via", "req/s", "errors", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "p99 limit"));
        for (ReadsScenario.Query q : result.queries()) {
            t.append(readRow(q.name(), "gateway", q.http()));
            t.append(readRow(q.name(), "raw JDBC", q.raw()));
        }
        for (ReadsScenario.Query q : result.queries()) {
            t.append(line("%-10s %s%n", q.name(), q.request()));
            if (q.http().errorCount() > 0) {
                t.append(line("errors, %s via gateway: %s%n", q.name(), q.http().errors()));
            }
            if (q.raw().errorCount() > 0) {
                t.append(line("errors, %s raw: %s%n", q.name(), q.raw().errors()));
            }
        }
        t.append(line("Processor drain, 1 consumer, %d typical runs: empty database %.0f runs/s, filled database %.0f runs/s,"
                + " filled ÷ empty %s (target ≥ 90%%)%n", result.drainRuns(), result.emptyRunsPerSecond(),
                result.filledRunsPerSecond(), percent(result.drainRatio())));
        t.append(line("Filled database without V7's read indexes %.0f runs/s: with them ÷ without %s (their own cost to writing)%n",
                result.withoutReadIndexesRunsPerSecond(), percent(result.readIndexesRatio())));
        return t.toString();
    }

    private static String readRow(String query, String via, ReadsScenario.Figures f) {
        if (f.routeMissing()) {
            return line("%-10s %-13s %9s %8d %8s %8s %8s %8s  %s%n", query, via, "-", f.errorCount(), "-", "-", "-", "-",
                    "route missing (" + f.errors() + ")");
        }
        Percentiles p = f.latency();
        return line("%-10s %-13s %9.1f %8d %8.1f %8.1f %8.1f %8.1f  < 50 ms: %s%n", query, via, f.perSecond(), f.errorCount(),
                p.p50(), p.p90(), p.p99(), p.max(), p.p99() < ReadsScenario.P99_LIMIT_MS ? "met" : "MISSED");
    }

    public static String memory(GatewayScenario.Result gateway, ProcessorScenario.Result processor,
            EndToEndScenario.Result endToEnd, UploadsScenario.Result uploads) {
        StringBuilder t = new StringBuilder(line("%nMemory and CPU per process and step (RSS: peak resident; heap: peak used"
                + " before a GC / committed)%n"));
        t.append(line("%-44s %-34s %9s %9s %9s %6s %5s%n", "step", "process", "RSS MiB", "heap MiB", "committed", "CPU", "GCs"));
        if (gateway != null) {
            for (GatewayScenario.Step step : gateway.steps()) {
                LoadResult load = step.load();
                String name = step.target() + ", " + step.run() + ", " + (load.mode().equals("fixed-rate")
                        ? String.format(Locale.ROOT, "%.0f/s", load.offeredRate()) : load.connections() + " connections");
                t.append(usage(name, step.server())).append(usage(name, step.bench()));
            }
        }
        if (processor != null) {
            processor.contenders().stream().filter(c -> c.processor() != null)
                    .forEach(c -> t.append(usage(c.name() + ", drain", c.processor())));
        }
        if (endToEnd != null) {
            for (ProcessUsage usage : List.of(endToEnd.gateway(), endToEnd.processor(), endToEnd.bench())) {
                t.append(usage("end to end, " + endToEnd.rate() + "/s", usage));
            }
        }
        if (uploads != null) {
            String step = String.format(Locale.ROOT, "uploads, %d clients, ", uploads.clients());
            t.append(usage(step + "raw PUT", uploads.raw().bench()));
            t.append(usage(step + "gateway", uploads.gateway().gateway())).append(usage(step + "gateway", uploads.gateway().bench()));
        }
        return t.toString();
    }

    public static String summary(List<Summary> rows) {
        StringBuilder t = new StringBuilder(line("%nSummary: Runline beside this machine's limits, measured in this run%n"));
        t.append(line("%-62s %-30s %-18s %7s %-10s %s%n", "measure", "Runline", "limit", "ratio", "target", ""));
        for (Summary row : rows) {
            t.append(line("%-62s %-30s %-18s %7s %-10s %s%n", row.measure(), row.runline(), row.limit() == null ? "" : row.limit(),
                    row.ratio() == null ? "" : percent(row.ratio()),
                    row.target() == null ? "" : row.target(), row.met() == null ? "" : row.met() ? "met" : "MISSED"));
        }
        return t.toString();
    }

    private static String offered(LoadResult load) {
        return load.mode().equals("fixed-rate") ? String.format(Locale.ROOT, "%.0f/s", load.offeredRate())
                : load.connections() + " conns";
    }

    /** Whole percent, or one decimal below 10% so that a small ratio does not read as zero. */
    static String percent(double ratio) {
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.1f%%" : "%.0f%%", 100 * ratio);
    }

    private static String latency(String name, Percentiles p) {
        return line("%-28s %8.1f %8.1f %8.1f %9.1f %8.1f%n", name, p.p50(), p.p90(), p.p99(), p.p999(), p.max());
    }

    private static String usage(String step, ProcessUsage u) {
        return line("%-44s %-34s %9.0f %9s %9s %6.2f %5d%n", step, u.process() + (u.peakSinceStart() ? " (peak since start)" : ""),
                u.peakRssMiB(), u.peakHeapUsedMiB() == null ? "-" : String.format(Locale.ROOT, "%.0f", u.peakHeapUsedMiB()),
                u.peakHeapCommittedMiB() == null ? "-" : String.format(Locale.ROOT, "%.0f", u.peakHeapCommittedMiB()),
                u.cpuCores(), u.gcPauses());
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
