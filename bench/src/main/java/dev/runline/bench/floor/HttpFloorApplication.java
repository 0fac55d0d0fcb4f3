package dev.runline.bench.floor;

import dev.runline.bench.runs.RunBodies;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The HTTP floor (limit c): the gateway's web stack, Spring WebFlux on Reactor Netty started by Spring Boot,
 * with none of its work. It reads the whole body as the gateway does (joined into one buffer, copied into a
 * byte array) and answers a tiny JSON like the gateway's {@code {"id"}}. Only the web auto-configuration is
 * imported: the class path also holds Kafka, JDBC and Flyway, which the floor must not start.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class})
public class HttpFloorApplication {

    /** The gateway's default {@code max-body-size}. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    public static void main(String[] args) {
        new SpringApplicationBuilder(HttpFloorApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=http-floor")
                .run(args);
    }

    @Bean
    RouterFunction<ServerResponse> floor() {
        return RouterFunctions.route()
                .POST(RunBodies.PATH, request -> DataBufferUtils.join(request.exchange().getRequest().getBody(), MAX_BODY_BYTES)
                        .map(buffer -> {
                            try {
                                byte[] bytes = new byte[buffer.readableByteCount()];
                                buffer.read(bytes);
                                return bytes.length;
                            } finally {
                                DataBufferUtils.release(buffer);
                            }
                        })
                        .flatMap(length -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8))))
                .GET("/ready", request -> ServerResponse.ok().build())
                .build();
    }
}
