package dev.runline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose address a request's failed authentications count against. */
class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.1");

    @Test
    void withoutATrustedProxyTheForwardedHeaderIsIgnored() {
        assertThat(ClientAddress.resolve("198.51.100.9", List.of("203.0.113.7"), PROXY)).isEqualTo("198.51.100.9");
        assertThat(ClientAddress.resolve("198.51.100.9", List.of("203.0.113.7"), Set.of())).isEqualTo("198.51.100.9");
    }

    @Test
    void behindATrustedProxyTheAddressItAppendedCounts() {
        assertThat(ClientAddress.resolve("10.0.0.1", List.of("203.0.113.7"), PROXY)).isEqualTo("203.0.113.7");
    }

    @Test
    void addressesTheClientWroteItselfAreSkipped() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
        assertThat(ClientAddress.resolve("10.0.0.1", List.of("1.2.3.4, 203.0.113.7"), PROXY)).isEqualTo("203.0.113.7");
    }

    @Test
    void chainedTrustedProxiesAreWalkedThrough() {
        Set<String> proxies = Set.of("10.0.0.1", "10.0.0.2");
        assertThat(ClientAddress.resolve("10.0.0.1", List.of("203.0.113.7", "10.0.0.2"), proxies)).isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsTheClient() {
        assertThat(ClientAddress.resolve("10.0.0.1", null, PROXY)).isEqualTo("10.0.0.1");
    }
}
