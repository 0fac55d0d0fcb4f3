package dev.runline.gateway.auth;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the client's address into the request's Reactor context, where {@link ApiKeyAuthenticator} reads it
 * to limit failed authentications per address without every route passing the request along.
 * <p>
 * The address is the TCP peer's. Only when the peer is one of {@code runline.gateway.auth.trusted-proxies}
 * is {@code X-Forwarded-For} read, from the right (the entries the proxies appended) to the first address
 * that is not itself a trusted proxy; everything left of it was written by the client and proves nothing.
 */
@Component
public class ClientAddress implements WebFilter {

    /** Context key of the address (a String). */
    public static final String CONTEXT_KEY = ClientAddress.class.getName();
    /** When the peer is unknown (a test client without a socket): all such requests share one bucket. */
    static final String UNKNOWN = "unknown";

    private final Set<String> trustedProxies;

    public ClientAddress(AuthProperties properties) {
        this.trustedProxies = Set.copyOf(properties.trustedProxies().stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? UNKNOWN : remote.getAddress().getHostAddress();
        String client = resolve(peer, exchange.getRequest().getHeaders().get("X-Forwarded-For"), trustedProxies);
        return chain.filter(exchange).contextWrite(context -> context.put(CONTEXT_KEY, client));
    }

    /** The client's address given the peer, the X-Forwarded-For header lines (may be null) and the proxies trusted. */
    static String resolve(String peer, List<String> forwardedFor, Set<String> trustedProxies) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        String[] hops = String.join(",", forwardedFor).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
