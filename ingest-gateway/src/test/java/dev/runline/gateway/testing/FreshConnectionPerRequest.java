package dev.runline.gateway.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The tests' client opens a connection per request. Reactor Netty 1.3.7's server (Boot 4.1.1's) can stop
 * reading a keep-alive connection when the next request arrives before the previous answer, completed off the
 * event loop, has been wrapped up, and is then answered at once (reactor/reactor-netty#4361, fixed in 1.3.8,
 * which does not run on the Netty served here). Tests send requests back to back, which hits that window now
 * and then (the authorization matrix waited 5 s for two of its 403s once), while what they check is the
 * answers. The gateway's own workaround for large bodies is checked by its Connection header
 * (LargeRequestKeepAliveTest); the benchmark's clients keep their connections.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshConnectionPerRequest {

    @Bean
    WebTestClientBuilderCustomizer freshConnectionPerRequest() {
        return builder -> builder.clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())));
    }
}
