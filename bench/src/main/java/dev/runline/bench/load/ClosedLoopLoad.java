package dev.runline.bench.load;

import dev.runline.bench.runs.RunBodies;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Saturation (closed loop): {@code connections} clients each send the next request as soon as the previous
 * one is answered, so the server is never idle; the rate of 200 answers completed in the measured window is
 * what it sustains. Failures are counted from the window's start to the last answer, so that a request that
 * was sent during the warm-up and times out later, or that times out after the window, is still reported.
 */
public final class ClosedLoopLoad {

    private ClosedLoopLoad() {}

    public static LoadResult run(HttpLoad http, RunBodies bodies, int connections, Duration warmup, Duration duration)
            throws InterruptedException {
        Recorder latency = new Recorder(600_000_000L, 3);
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        Mono<Void> oneRequest = Mono.defer(() -> {
            long sent = System.nanoTime();
            inFlight.incrementAndGet();
            return http.post(bodies.body(sequence.getAndIncrement()))
                    .doOnNext(response -> {
                        long done = System.nanoTime();
                        if (response.status() == 200) {
                            if (done >= measureFrom && done <= end) {
                                latency.recordValue((done - sent) / 1000);
                                ok.increment();
                            }
                        } else if (done >= measureFrom) {
                            errors.computeIfAbsent(String.valueOf(response.status()), k -> new LongAdder()).increment();
                        }
                    })
                    .doFinally(signal -> inFlight.decrementAndGet())
                    .then()
                    // A refused or timed-out request is counted and the client goes on, after a pause so that a
                    // dead server is not hammered in a tight loop.
                    .onErrorResume(error -> {
                        if (System.nanoTime() >= measureFrom) {
                            errors.computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        }
                        return Mono.delay(Duration.ofMillis(50)).then();
                    });
        });
        Flux.range(0, connections)
                .flatMap(client -> oneRequest.repeat(() -> System.nanoTime() < end), connections)
                .blockLast();
        long unfinished = OpenLoopLoad.awaitAnswers(inFlight);
        return new LoadResult("saturation", 0, connections, duration.toMillis() / 1000.0, ok.sum(),
                OpenLoopLoad.snapshot(errors), unfinished, ok.sum() / (duration.toNanos() / 1e9),
                Percentiles.of(latency.getIntervalHistogram()), Percentiles.EMPTY);
    }
}
