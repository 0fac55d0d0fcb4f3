package dev.runline.bench.child;

/**
 * One process's resources over a measuring window.
 *
 * @param peakRssMiB            peak resident memory ({@code VmHWM}), reset at the window's start unless
 *                              {@code peakSinceStart} says the kernel refused the reset
 * @param peakHeapUsedMiB       largest heap occupancy seen before a GC in the window (the heap's high-water
 *                              mark); {@code null} for a process without a GC log or without GC in the window
 * @param peakHeapCommittedMiB  largest heap the JVM had reserved from the OS in the window
 * @param cpuCores              CPU time over wall time: 1.0 is one core busy all the window
 * @param gcPauses              GC pauses in the window
 */
public record ProcessUsage(
        String process,
        double peakRssMiB,
        boolean peakSinceStart,
        Double peakHeapUsedMiB,
        Double peakHeapCommittedMiB,
        double cpuCores,
        int gcPauses) {}
