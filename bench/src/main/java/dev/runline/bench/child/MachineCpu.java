package dev.runline.bench.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU over a window for what the per-JVM figures leave out: the whole machine ({@code /proc/stat}) and
 * PostgreSQL (every {@code postgres} process, from {@code /proc/<pid>/stat}). On 2 cores the services,
 * the broker, the load generator and the database share the same CPUs: these say how full the machine was.
 * Linux only; elsewhere both read 0.
 */
public final class MachineCpu {

    /**
     * @param busyCores     cores busy on the whole machine (2.0 is a 2-core machine fully busy)
     * @param postgresCores cores used by PostgreSQL's processes
     * @param cores         cores the machine has
     */
    public record Usage(double busyCores, double postgresCores, int cores) {}

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux build that matters

    private final long startNanos = System.nanoTime();
    private final long[] startMachine = machineTicks();
    private final Map<Long, Long> startPostgres = postgresTicks();

    public static MachineCpu start() {
        return new MachineCpu();
    }

    public Usage finish() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] machine = machineTicks();
        long total = machine[0] - startMachine[0];
        long idle = machine[1] - startMachine[1];
        int cores = machineCores();
        double busy = total <= 0 ? 0 : cores * (total - idle) / (double) total;
        long postgres = 0;
        for (Map.Entry<Long, Long> process : postgresTicks().entrySet()) {
            // A backend started during the window counts from zero.
            postgres += process.getValue() - startPostgres.getOrDefault(process.getKey(), 0L);
        }
        return new Usage(round(busy), round(postgres / TICKS_PER_SECOND / seconds), cores);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The CPUs /proc/stat counts (cpu0, cpu1, ...): the machine's, whatever a container limit says. */
    private static int machineCores() {
        try {
            int cores = (int) Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("^cpu\\d+ .*")).count();
            return cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** All ticks and idle ticks (idle + iowait) of the machine. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * utime + stime of every process named postgres, by pid. A process that ends within the window (an
     * autovacuum worker) takes its ticks with it: the PostgreSQL figure is a lower bound.
     */
    private static Map<Long, Long> postgresTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<ProcessHandle> processes = ProcessHandle.allProcesses()) {
            processes.forEach(process -> {
                try {
                    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
                    int nameEnd = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
                        return;
                    }
                    String[] fields = stat.substring(nameEnd + 2).split(" ");
                    // After the name: state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12.
                    ticks.put(process.pid(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // The process ended meanwhile, or this is not Linux.
                }
            });
        }
        return ticks;
    }
}
