package dev.runline.gateway.http;

import dev.runline.gateway.GatewayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers a large request with {@code Connection: close}, so the client sends its next request on a new
 * connection. Reactor Netty 1.3.7 (Spring Boot 4.1.1's) can stop reading a keep-alive connection after a
 * response completed off the event loop, as every run creation's does (reactor/reactor-netty#4361): a
 * station posting 500 KB runs on one connection saw about one request in twenty-five go unanswered. The
 * fixed release (1.3.8) needs a Netty whose native builds are not yet published for every platform; remove
 * this filter once Boot ships it. Small requests keep their connection: the reconnect would cost more than
 * the rare stall, and none was seen in thousands of typical runs.
 */
@Component
public class LargeRequestConnectionClose implements WebFilter {

    private final long thresholdBytes;

    public LargeRequestConnectionClose(GatewayProperties properties) {
        this.thresholdBytes = properties.keepAliveMaxBody().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        boolean chunked = length < 0 && exchange.getRequest().getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (length > thresholdBytes || chunked) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        return chain.filter(exchange);
    }
}
