package dev.runline.bench.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a process between {@link #start} and {@link #finish}: peak RSS from {@code /proc/<pid>/status}
 * (reset through {@code /proc/<pid>/clear_refs} at the start), CPU time from the process handle, and the
 * heap from the child's GC log (each pause prints {@code before->after(committed)}; the largest "before" is
 * the heap's high-water mark, exact to the megabyte and at no cost to the child).
 */
public final class UsageWindow {

    private static final Pattern GC_LINE = Pattern.compile("^\\[(\\d+)ms\\].*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final String name;
    private final ProcessHandle process;
    private final Path gcLog;
    private final boolean peakReset;
    private final long startMillis;
    private final long startNanos;
    private final Duration startCpu;

    private UsageWindow(String name, ProcessHandle process, Path gcLog) {
        this.name = name;
        this.process = process;
        this.gcLog = gcLog;
        this.peakReset = resetPeak(process.pid());
        this.startMillis = System.currentTimeMillis();
        this.startNanos = System.nanoTime();
        this.startCpu = cpu(process);
    }

    public static UsageWindow start(String name, ProcessHandle process, Path gcLog) {
        return new UsageWindow(name, process, gcLog);
    }

    /** The benchmark's own JVM: the load generator and the broker (no GC log: its heap is not a target). */
    public static UsageWindow startSelf() {
        return new UsageWindow("bench (load generator + broker)", ProcessHandle.current(), null);
    }

    public ProcessUsage finish() {
        double cores = (cpu(process).minus(startCpu).toNanos()) / (double) (System.nanoTime() - startNanos);
        long endMillis = System.currentTimeMillis();
        double used = -1;
        double committed = -1;
        int pauses = 0;
        if (gcLog != null) {
            for (String line : gcLines()) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) >= startMillis && Long.parseLong(m.group(1)) <= endMillis) {
                    used = Math.max(used, mebibytes(m.group(2), m.group(3)));
                    committed = Math.max(committed, mebibytes(m.group(6), m.group(7)));
                    pauses++;
                }
            }
        }
        return new ProcessUsage(name, peakRssMiB(process.pid()), !peakReset, used < 0 ? null : used,
                committed < 0 ? null : committed, Math.round(cores * 100) / 100.0, pauses);
    }

    private List<String> gcLines() {
        try {
            return Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static double mebibytes(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    /** Writing 5 to clear_refs resets the peak RSS to the current RSS (Linux ≥ 4.0). */
    private static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", String.valueOf(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static double peakRssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 * 10) / 10.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: reported as 0.
        }
        return 0;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
