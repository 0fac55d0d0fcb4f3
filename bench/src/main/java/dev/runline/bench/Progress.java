package dev.runline.bench;

import java.time.Duration;
import java.util.Locale;

/** One line per step, with the time since the benchmark started, so that a long run shows where it is. */
public final class Progress {

    private final long started = System.nanoTime();

    public void say(String format, Object... args) {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf(Locale.ROOT, "[%3d:%02d] %s%n", seconds / 60, seconds % 60, String.format(Locale.ROOT, format, args));
    }

    /** {@code 2m}, {@code 20s}, {@code 1.5s}: a duration as the options spell it. */
    public static String show(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds >= 60 && seconds % 60 == 0 ? (long) (seconds / 60) + "m"
                : seconds == Math.rint(seconds) ? (long) seconds + "s" : seconds + "s";
    }
}
