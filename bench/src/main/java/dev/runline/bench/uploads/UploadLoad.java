package dev.runline.bench.uploads;

import dev.runline.bench.load.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.HdrHistogram.Recorder;

/**
 * Uploads in a closed loop: {@code clients} threads each start the next upload as soon as the previous one
 * ended, as stations with a file each would. Throughput is the bytes of the PUTs answered 200 within the
 * measured window, per second of it; an upload that straddles the window's edge counts where its PUT ended,
 * which evens out over the window. A thread per client (blocking calls): 16 uploads need no event loop.
 */
public final class UploadLoad {

    /** One client's upload, all its requests; throws {@link Failed} (or an I/O error) if any of them failed. */
    interface Upload {
        /** @return {@link System#nanoTime()} when the PUT was answered 200, and when it was sent */
        Put upload(long sequence) throws Exception;
    }

    record Put(long sentNanos, long answeredNanos) {}

    /** A request answered with something else than expected, e.g. {@code PUT 503}. */
    static final class Failed extends Exception {
        Failed(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * @param megabytesPerSecond bytes of PUTs answered 200 in the window ÷ its seconds ÷ 10⁶
     * @param upload             latency of a whole upload (for the gateway: initialize, PUT, finalize), ended in the window
     * @param put                latency of its PUT alone
     * @param errors             failed uploads started after the warm-up, by request and status, or by exception
     */
    public record Result(int clients, long fileBytes, double measuredSeconds, long puts, double megabytesPerSecond,
            Percentiles upload, Percentiles put, Map<String, Long> errors) {

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private UploadLoad() {}

    static Result run(Upload upload, long fileBytes, int clients, Duration warmup, Duration duration)
            throws InterruptedException {
        Recorder whole = new Recorder(600_000_000L, 3);
        Recorder put = new Recorder(600_000_000L, 3);
        LongAdder putsInWindow = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().name("upload-client-" + c).start(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    try {
                        Put done = upload.upload(sequence.getAndIncrement());
                        long ended = System.nanoTime();
                        if (done.answeredNanos() >= measureFrom && done.answeredNanos() <= end) {
                            putsInWindow.increment();
                        }
                        if (ended >= measureFrom && ended <= end) {
                            whole.recordValue((ended - started) / 1000);
                            put.recordValue((done.answeredNanos() - done.sentNanos()) / 1000);
                        }
                    } catch (Exception error) {
                        if (started >= measureFrom) {
                            String kind = error instanceof Failed ? error.getMessage() : error.getClass().getSimpleName();
                            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
                        }
                        pause();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = duration.toNanos() / 1e9;
        return new Result(clients, fileBytes, duration.toMillis() / 1000.0, putsInWindow.sum(),
                putsInWindow.sum() * (double) fileBytes / seconds / 1e6, Percentiles.of(whole.getIntervalHistogram()),
                Percentiles.of(put.getIntervalHistogram()), errors.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())));
    }

    /** After a failure, so that a dead server is not hammered in a tight loop. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
