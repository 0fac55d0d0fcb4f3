package dev.runline.bench.reads;

import dev.runline.bench.load.HttpLoad;
import dev.runline.bench.load.Percentiles;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closed-loop readers: {@code readers} clients each send the next GET as soon as the previous is answered.
 * Latencies of 200 answers completed in the measured window are recorded; any other status is counted by code,
 * so that a route the gateway does not have shows as its 404s, not as a latency.
 */
final class ReadLoad {

    private ReadLoad() {}

    /** @param uri the path and query of request {@code i} */
    /** @param pause each reader's wait after an answer before its next request */
    static ReadsScenario.Figures http(HttpLoad http, LongFunction<String> uri, int readers, Duration pause, Duration warmup,
            Duration duration) {
        Recorder latency = new Recorder(600_000_000L, 3);
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        Mono<Void> oneRequest = Mono.defer(() -> {
            long sent = System.nanoTime();
            return http.get(uri.apply(sequence.getAndIncrement()))
                    .doOnNext(response -> {
                        long done = System.nanoTime();
                        if (done < measureFrom || done > end) {
                            return;
                        }
                        if (response.status() == 200) {
                            latency.recordValue((done - sent) / 1000);
                            ok.increment();
                        } else {
                            errors.computeIfAbsent(String.valueOf(response.status()), k -> new LongAdder()).increment();
                        }
                    })
                    .then(pause.isZero() ? Mono.<Void>empty() : Mono.delay(pause).then())
                    .onErrorResume(error -> {
                        errors.computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        return Mono.delay(Duration.ofMillis(50)).then();
                    });
        });
        Flux.range(0, readers)
                .flatMap(reader -> oneRequest.repeat(() -> System.nanoTime() < end), readers)
                .blockLast();
        return result(latency, ok, errors, duration);
    }

    /** One reader's statements over its own connection; returns normally when the query found what it looked for. */
    interface RawQuery {
        void run(long i) throws Exception;
    }

    /** One platform thread per reader, each with its own {@link RawQuery} (and connection). */
    static ReadsScenario.Figures raw(java.util.function.Supplier<RawQuery> readerFactory, int readers, Duration pause,
            Duration warmup, Duration duration) throws InterruptedException {
        Recorder latency = new Recorder(600_000_000L, 3);
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        Thread[] threads = new Thread[readers];
        for (int r = 0; r < readers; r++) {
            long seed = r * 1_000_003L;
            threads[r] = Thread.ofPlatform().name("raw-reader-" + r).start(() -> {
                RawQuery query = readerFactory.get();
                for (long i = seed; System.nanoTime() < end; i++) {
                    long sent = System.nanoTime();
                    try {
                        query.run(i);
                        long done = System.nanoTime();
                        if (done >= measureFrom && done <= end) {
                            latency.recordValue((done - sent) / 1000);
                            ok.increment();
                        }
                    } catch (Exception e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new LongAdder())
                                .increment();
                    }
                    if (!pause.isZero()) {
                        try {
                            Thread.sleep(pause);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
                if (query instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        // the reader is done; a failed close changes no figure
                    }
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return result(latency, ok, errors, duration);
    }

    private static ReadsScenario.Figures result(Recorder latency, LongAdder ok, Map<String, LongAdder> errors, Duration duration) {
        Map<String, Long> counted = new TreeMap<>();
        errors.forEach((k, v) -> counted.put(k, v.sum()));
        return new ReadsScenario.Figures(ok.sum(), counted, ok.sum() / (duration.toNanos() / 1e9), Percentiles.of(latency.getIntervalHistogram()));
    }
}
