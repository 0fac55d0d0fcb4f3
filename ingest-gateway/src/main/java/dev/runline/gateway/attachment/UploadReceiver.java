package dev.runline.gateway.attachment;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code PUT /api/files/{id}?organization&expires&signature}: a station's file, streamed to the object store
 * as it arrives (a few buffers in memory, whatever the size), authorized by the URL alone. The URL is single
 * use: once an upload holds its bytes, another PUT is refused (409); a PUT that fails or stalls leaves the
 * upload as it was, to be sent again.
 */
@Component
public class UploadReceiver {

    private static final Logger log = LoggerFactory.getLogger(UploadReceiver.class);
    private static final String OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM_VALUE;
    /** Buffers requested ahead from the connection: bounds memory per upload (Netty's are 8-64 KB). */
    private static final int BUFFERS_AHEAD = 16;
    /** Bodies over the size limit but under this many times it are read to their end before the 413. */
    private static final long DRAIN_FACTOR = 4;

    private final UploadDao uploads;
    private final ObjectStore store;
    private final UploadSigner signer;
    private final UploadProperties properties;
    private final UploadService service;

    public UploadReceiver(Jdbi jdbi, ObjectStore store, UploadSigner signer, UploadProperties properties,
            UploadService service) {
        this.uploads = jdbi.onDemand(UploadDao.class);
        this.store = store;
        this.signer = signer;
        this.properties = properties;
        this.service = service;
    }

    public Mono<Void> receive(UUID uploadId, SignedUrl url, ServerHttpRequest request) {
        url.verify(signer, UploadSigner.Purpose.PUT, uploadId, service.now());
        long length = request.getHeaders().getContentLength();
        if (length < 0) {
            return refuseAfterReading(request.getBody(), new ApiException(ErrorCode.BAD_REQUEST,
                    "Content-Length is required: send the file's size with it"));
        }
        if (length > properties.maxFileSize().toBytes()) {
            if (length > drainLimit()) {
                return Mono.error(service.tooLarge(length));
            }
            return refuseAfterReading(request.getBody(), service.tooLarge(length));
        }
        MediaType type = request.getHeaders().getContentType();
        String contentType = type == null ? OCTET_STREAM : type.toString();
        Instant staleBefore = service.now().minus(properties.putIdleTimeout().multipliedBy(4));
        return Blocking.call(() -> uploads.claimForPut(url.organizationId(), uploadId, staleBefore)
                        .orElseThrow(() -> refusal(url.organizationId(), uploadId)))
                .flatMap(objectKey -> stream(uploadId, url.organizationId(), objectKey, length, contentType,
                        request.getBody()));
    }

    /**
     * A client that sends its whole file before reading the answer (Python's requests does) sees a reset, not the
     * 4xx, if the connection closes under it; so a refused body up to a few times the size limit is read and
     * dropped first, buffer by buffer (no memory held), and only a larger one is cut off.
     */
    private Mono<Void> refuseAfterReading(Flux<DataBuffer> body, ApiException refusal) {
        long limit = drainLimit();
        long[] read = {0};
        return body.timeout(properties.putIdleTimeout())
                .takeWhile(buffer -> {
                    read[0] += buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    return read[0] <= limit;
                })
                .onErrorResume(error -> Mono.empty())
                .then(Mono.error(refusal));
    }

    private long drainLimit() {
        return DRAIN_FACTOR * properties.maxFileSize().toBytes();
    }

    private Mono<Void> stream(UUID uploadId, UUID organizationId, String objectKey, long length, String contentType,
            Flux<DataBuffer> body) {
        InputStream in = DataBufferUtils.subscriberInputStream(body.timeout(properties.putIdleTimeout()), BUFFERS_AHEAD);
        BodyStream counted = new BodyStream(in, length);
        return Mono.fromCallable(() -> {
                    try (counted) {
                        store.put(objectKey, counted, length, contentType);
                    }
                    uploads.markStored(organizationId, uploadId, length, contentType);
                    log.info("event=upload_stored upload_id={} bytes={} content_type=\"{}\"", uploadId, length, contentType);
                    return true;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(error -> !(error instanceof ApiException), error -> {
                    uploads.releasePut(uploadId);
                    if (counted.clientFault() != null) {
                        return new ApiException(ErrorCode.BAD_REQUEST, "Upload " + uploadId + " failed: "
                                + counted.clientFault() + "; nothing was kept, send the file again");
                    }
                    log.warn("event=object_store_failed upload_id={} error=\"{}\"", uploadId, error.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                            "The object store did not take the file; nothing was kept. Retry later.", List.of(),
                            properties.putIdleTimeout());
                })
                .then();
    }

    private ApiException refusal(UUID organizationId, UUID uploadId) {
        return uploads.find(organizationId, uploadId)
                .map(upload -> new ApiException(ErrorCode.CONFLICT, upload.isStored()
                        ? "Upload " + uploadId + " already holds its file: an upload URL takes one file, once"
                        : "Upload " + uploadId + " is being received by another PUT"))
                .orElseGet(() -> UploadService.notFound(uploadId));
    }
}
