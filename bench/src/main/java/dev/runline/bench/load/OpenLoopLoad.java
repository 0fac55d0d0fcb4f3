package dev.runline.bench.load;

import dev.runline.bench.runs.RunBodies;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A fixed arrival rate (open loop): request {@code i} is due at {@code start + i / rate} whether or not the
 * earlier ones were answered, and its latency is measured from that intended time. A slow server therefore
 * shows as growing latency instead of as a politely slower client (coordinated omission).
 */
public final class OpenLoopLoad {

    /** Told about every 200 answer to a request sent in the measured window. */
    public interface Acknowledgements {
        void acknowledged(long intendedNanos, long ackNanos, byte[] body);

        Acknowledgements NONE = (intended, ack, body) -> {};
    }

    private OpenLoopLoad() {}

    public static LoadResult run(HttpLoad http, RunBodies bodies, double rate, Duration warmup, Duration duration,
            Acknowledgements acknowledgements) throws InterruptedException {
        Recorder latency = new Recorder(600_000_000L, 3);
        Histogram lag = Percentiles.newHistogram();
        LongAdder ok = new LongAdder();
        LongAdder okInWindow = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong inFlight = new AtomicLong();
        long start = System.nanoTime() + 1_000_000;
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        for (long i = 0; ; i++) {
            long intended = start + (long) (i * 1e9 / rate);
            if (intended >= end) {
                break;
            }
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            boolean measured = intended >= measureFrom;
            if (measured) {
                lag.recordValue((now - intended) / 1000);
            }
            inFlight.incrementAndGet();
            http.post(bodies.body(i)).subscribe(response -> {
                long done = System.nanoTime();
                if (response.status() == 200) {
                    if (measured) {
                        latency.recordValue((done - intended) / 1000);
                        ok.increment();
                        acknowledgements.acknowledged(intended, done, response.body());
                    }
                    if (done >= measureFrom && done <= end) {
                        okInWindow.increment();
                    }
                } else if (measured) {
                    errors.computeIfAbsent(String.valueOf(response.status()), k -> new LongAdder()).increment();
                }
                inFlight.decrementAndGet();
            }, error -> {
                if (measured) {
                    errors.computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder()).increment();
                }
                inFlight.decrementAndGet();
            });
        }
        long unfinished = awaitAnswers(inFlight);
        return new LoadResult("fixed-rate", rate, 0, duration.toMillis() / 1000.0, ok.sum(), snapshot(errors),
                unfinished, okInWindow.sum() / (duration.toNanos() / 1e9), Percentiles.of(latency.getIntervalHistogram()),
                Percentiles.of(lag));
    }

    /** Waits for the requests in flight, at most as long as one may take; returns how many are left. */
    static long awaitAnswers(AtomicLong inFlight) throws InterruptedException {
        long deadline = System.nanoTime() + HttpLoad.RESPONSE_TIMEOUT.plusSeconds(5).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return inFlight.get();
    }

    static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        return counts.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }
}
