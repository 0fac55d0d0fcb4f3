package dev.runline.bench.strangers;

import dev.runline.gateway.auth.ApiKeySecrets;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Requests with made-up API keys at a fixed rate, each key a new one, on a thread of its own until stopped:
 * what a key scanner or a misconfigured fleet sends. Counts the answers by status.
 */
final class StrangerFlood implements AutoCloseable {

    /** What the made-up keys look like, and where they seem to come from. */
    enum Kind {
        /** The current key format with a wrong checksum, all from the load generator's own address. */
        BAD_CHECKSUM,
        /**
         * The format minted before the checksum (only a lookup can refuse it), each request from a new forwarded
         * address: the worst case, which neither the checksum nor the per-address limit stops.
         */
        OLD_FORMAT_MANY_ADDRESSES
    }

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();
    private final ConnectionProvider connections;
    private final HttpClient client;
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong inFlight = new AtomicLong();
    private final Thread thread;
    private volatile long sent;
    private volatile long startedAt;
    private volatile long stoppedAt;

    StrangerFlood(String baseUrl, String path, Kind kind, double rate) {
        this.connections = ConnectionProvider.builder("stranger-flood").maxConnections(2000)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(TIMEOUT).build();
        this.client = HttpClient.create(connections).baseUrl(baseUrl).responseTimeout(TIMEOUT);
        this.thread = new Thread(() -> run(path, kind, rate), "stranger-flood");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run(String path, Kind kind, double rate) {
        long start = System.nanoTime();
        startedAt = start;
        for (long i = 0; !stop.get(); i++) {
            long intended = start + (long) (i * 1e9 / rate);
            long now;
            while ((now = System.nanoTime()) < intended && !stop.get()) {
                LockSupport.parkNanos(intended - now);
            }
            String key = kind == Kind.BAD_CHECKSUM ? badChecksum() : oldFormat();
            String forwarded = kind == Kind.BAD_CHECKSUM ? null
                    : "10." + (i >>> 16 & 255) + "." + (i >>> 8 & 255) + "." + (i & 255);
            inFlight.incrementAndGet();
            sent = i + 1;
            client.headers(h -> {
                        h.set("Authorization", "Bearer " + key).set("Content-Type", "application/json");
                        if (forwarded != null) {
                            h.set("X-Forwarded-For", forwarded);
                        }
                    })
                    .post().uri(path).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(BODY)))
                    .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                            .map(ignored -> String.valueOf(response.status().code())))
                    .timeout(TIMEOUT)
                    .onErrorResume(e -> Mono.just(e.getClass().getSimpleName()))
                    .subscribe(answer -> {
                        answers.computeIfAbsent(answer, k -> new LongAdder()).increment();
                        inFlight.decrementAndGet();
                    });
        }
    }

    private String badChecksum() {
        String secret = ApiKeySecrets.generate().secret();
        int at = 3 + random.nextInt(secret.length() - 3);
        return secret.substring(0, at) + (secret.charAt(at) == 'x' ? 'y' : 'x') + secret.substring(at + 1);
    }

    private String oldFormat() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return ApiKeySecrets.SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Stops sending, waits for the answers still due, and returns every answer counted by status. */
    Map<String, Long> stopAndCount() throws InterruptedException {
        stop.set(true);
        thread.join();
        stoppedAt = System.nanoTime();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        answers.forEach((status, count) -> counts.put(status, count.sum()));
        if (inFlight.get() > 0) {
            counts.put("unanswered", inFlight.get());
        }
        return counts;
    }

    long sent() {
        return sent;
    }

    /** Requests sent per second while it ran. */
    double rate() {
        return sent / ((stoppedAt - startedAt) / 1e9);
    }

    @Override
    public void close() {
        stop.set(true);
        connections.disposeLater().block(Duration.ofSeconds(10));
    }
}
