package dev.runline.bench.load;

import io.netty.buffer.Unpooled;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The load generator's HTTP client: Reactor Netty (event loops, so thousands of requests in flight cost no
 * threads), HTTP/1.1 keep-alive, one request per connection at a time, as stations send.
 */
public final class HttpLoad implements AutoCloseable {

    /**
     * Longest wait for one answer, from the start of sending; a request past it is cancelled (its connection
     * closed) and counted as an error, not as a latency. It also bounds a request whose body the server
     * stopped reading, which the client's response timeout (armed only once the body is sent) would not.
     */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    public record Response(int status, byte[] body) {}

    private final ConnectionProvider connections;
    private final HttpClient client;
    private final String path;

    /**
     * @param maxConnections the pool's size: the closed loop's concurrency, or large enough at a fixed rate that
     *                       requests never wait for a connection on the client side
     */
    public HttpLoad(String baseUrl, String path, String apiKey, int maxConnections) {
        this.connections = ConnectionProvider.builder("bench-load")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(RESPONSE_TIMEOUT)
                .build();
        this.client = HttpClient.create(connections)
                .baseUrl(baseUrl)
                .responseTimeout(RESPONSE_TIMEOUT)
                .headers(headers -> headers
                        .set("Authorization", "Bearer " + apiKey)
                        .set("Content-Type", "application/json")
                        .set("Accept", "application/json"));
        this.path = path;
    }

    public Mono<Response> post(byte[] body) {
        return client.post()
                .uri(path)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> new Response(response.status().code(), bytes)))
                .timeout(RESPONSE_TIMEOUT);
    }

    /** A GET of {@code uri} (the base URL's path and query), for the read scenario. */
    public Mono<Response> get(String uri) {
        return client.get()
                .uri(uri)
                .responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> new Response(response.status().code(), bytes)))
                .timeout(RESPONSE_TIMEOUT);
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(10));
    }
}
