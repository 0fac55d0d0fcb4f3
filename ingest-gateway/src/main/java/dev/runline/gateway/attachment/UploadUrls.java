package dev.runline.gateway.attachment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URLs stations upload to and download from: the gateway's own signed {@code /api/files/{id}} by default
 * (stations reach nothing else), or the object store's presigned URLs when {@code store-urls} is on.
 */
public class UploadUrls {

    /** The gateway's file route, for PUT (upload) and GET (download). */
    public static final String FILE_PATH = "/api/files/";
    /** Served too, like every route's unprefixed alias; the URLs handed out use {@link #FILE_PATH}. */
    public static final String FILE_ALIAS = "/files/";

    private final UploadSigner signer;
    private final ObjectStore store;
    private final UploadProperties properties;
    private final Clock clock;

    public UploadUrls(UploadSigner signer, ObjectStore store, UploadProperties properties, Clock clock) {
        this.signer = signer;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param requestUri the request asking for the URL: its scheme, host and port, unless a public URL is set */
    public URI uploadUrl(Upload upload, URI requestUri) {
        if (properties.storeUrls()) {
            return store.presignedPut(upload.objectKey(), properties.urlTtl());
        }
        return signed(UploadSigner.Purpose.PUT, upload.id(), upload.organizationId(), properties.urlTtl(), requestUri);
    }

    public URI downloadUrl(UUID uploadId, UUID organizationId, String objectKey, String name, URI requestUri) {
        if (properties.storeUrls()) {
            return store.presignedGet(objectKey, name, properties.downloadUrlTtl());
        }
        return signed(UploadSigner.Purpose.GET, uploadId, organizationId, properties.downloadUrlTtl(), requestUri);
    }

    private URI signed(UploadSigner.Purpose purpose, UUID uploadId, UUID organizationId, java.time.Duration ttl,
            URI requestUri) {
        Instant expires = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        URI base = properties.publicUrl() != null ? properties.publicUrl() : origin(requestUri);
        return UriComponentsBuilder.fromUri(base)
                .path(FILE_PATH).path(uploadId.toString())
                .queryParam("organization", organizationId)
                .queryParam("expires", expires.getEpochSecond())
                .queryParam("signature", signer.sign(purpose, uploadId, organizationId, expires))
                .build(true).toUri();
    }

    private static URI origin(URI requestUri) {
        return URI.create(requestUri.getScheme() + "://" + requestUri.getRawAuthority());
    }
}
