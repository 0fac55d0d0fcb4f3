package dev.runline.processor.deadletter.cli;

import java.time.Duration;

/**
 * Spaces replays evenly at a fixed rate, so that replaying thousands of dead letters does not flood the
 * processor (and the database behind it) on top of the live traffic. A slow send does not earn a burst
 * afterwards.
 */
final class Pacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("The rate must be positive, was " + perSecond);
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Returns when the next send may start. */
    void awaitTurn() throws InterruptedException {
        long wait = next - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
        next = Math.max(next, System.nanoTime()) + intervalNanos;
    }
}
