package dev.runline.gateway.attachment;

import dev.runline.gateway.provision.Blocking;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's signed file URLs, used without an API key: {@code PUT} stores an upload's file, {@code GET}
 * downloads it. The signature binds the URL to one upload, one organization, one method and an expiry.
 */
@RestController
public class FileController {

    private static final int DOWNLOAD_BUFFER = 64 * 1024;

    private final UploadReceiver receiver;
    private final UploadSigner signer;
    private final UploadService uploads;
    private final ObjectStore store;
    private final UploadDao dao;

    public FileController(UploadReceiver receiver, UploadSigner signer, UploadService uploads, ObjectStore store,
            Jdbi jdbi) {
        this.receiver = receiver;
        this.signer = signer;
        this.uploads = uploads;
        this.store = store;
        this.dao = jdbi.onDemand(UploadDao.class);
    }

    /** Answers exactly 200 with no body, as S3 does: the v2 client fails on anything else. */
    @PutMapping(path = {UploadUrls.FILE_PATH + "{id}", UploadUrls.FILE_ALIAS + "{id}"})
    public Mono<ResponseEntity<Void>> put(@PathVariable("id") String id,
            @RequestParam(name = "organization", required = false) String organization,
            @RequestParam(name = "expires", required = false) String expires,
            @RequestParam(name = "signature", required = false) String signature, ServerHttpRequest request) {
        return Mono.defer(() -> receiver.receive(uploadId(id), SignedUrl.of(organization, expires, signature), request))
                .thenReturn(ResponseEntity.ok().<Void>build());
    }

    @GetMapping(path = {UploadUrls.FILE_PATH + "{id}", UploadUrls.FILE_ALIAS + "{id}"})
    public Mono<ResponseEntity<Flux<DataBuffer>>> get(@PathVariable("id") String id,
            @RequestParam(name = "organization", required = false) String organization,
            @RequestParam(name = "expires", required = false) String expires,
            @RequestParam(name = "signature", required = false) String signature) {
        return Mono.defer(() -> {
            UUID uploadId = uploadId(id);
            SignedUrl url = SignedUrl.of(organization, expires, signature);
            url.verify(signer, UploadSigner.Purpose.GET, uploadId, uploads.now());
            return Blocking.call(() -> uploads.stored(dao.find(url.organizationId(), uploadId)
                            .orElseThrow(() -> UploadService.notFound(uploadId))))
                    .map(upload -> download(store, upload.objectKey(), upload.name(), upload.contentType(), upload.size()));
        });
    }

    /** Streams the object in 64 KB buffers read off the event loop. */
    static ResponseEntity<Flux<DataBuffer>> download(ObjectStore store, String objectKey, String name,
            String contentType, Long size) {
        Flux<DataBuffer> bytes = DataBufferUtils.readInputStream(() -> store.open(objectKey),
                        DefaultDataBufferFactory.sharedInstance, DOWNLOAD_BUFFER)
                .subscribeOn(Schedulers.boundedElastic());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(name))
                .contentType(mediaType(contentType));
        if (size != null) {
            response.contentLength(size);
        }
        return response.body(bytes);
    }

    /** As stored; a type the store holds that is not a valid media type is served as plain bytes. */
    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static UUID uploadId(String id) {
        return JsonRequests.uuid(id, java.util.List.of("id"));
    }
}
