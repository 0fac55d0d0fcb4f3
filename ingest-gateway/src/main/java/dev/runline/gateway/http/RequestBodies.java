package dev.runline.gateway.http;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/** Reads a request body whatever its content type says, never more than a limit of it (413 above). */
public final class RequestBodies {

    private RequestBodies() {}

    /** The body's bytes; empty for no body. */
    public static Mono<byte[]> read(ServerHttpRequest request, int maxBytes, String tooLargeMessage) {
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .onErrorMap(DataBufferLimitException.class,
                        tooLarge -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, tooLargeMessage))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0]);
    }
}
