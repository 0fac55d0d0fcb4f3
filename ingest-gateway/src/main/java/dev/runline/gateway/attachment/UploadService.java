package dev.runline.gateway.attachment;

import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.run.Issue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The life of an upload before it is linked: created (v1 {@code uploads/initialize}, v2 {@code POST
 * /attachments}), its bytes stored, finalized, or deleted while still unlinked. Receiving the bytes is
 * {@link UploadReceiver}'s; linking them to a run {@link AttachmentLinker}'s.
 */
@Service
public class UploadService {

    static final int NAME_MAX = 255;

    private final UploadDao uploads;
    private final ObjectStore store;
    private final UploadProperties properties;
    private final Clock clock;

    public UploadService(Jdbi jdbi, ObjectStore store, UploadProperties properties, Clock clock) {
        this.uploads = jdbi.onDemand(UploadDao.class);
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Upload> initialize(Caller caller, String name) {
        Permissions.require(caller, Permission.CREATE_RUNS);
        String checked = checkedName(name);
        UUID id = UUID.randomUUID();
        String objectKey = Upload.objectKey(caller.organizationId(), id);
        return Blocking.call(() -> {
            uploads.insert(id, caller.organizationId(), caller.keyId(), checked, objectKey);
            return uploads.find(caller.organizationId(), id).orElseThrow();
        });
    }

    /** v2 finalize: the upload must hold its bytes by now. */
    public Mono<Upload> finalizeUpload(Caller caller, UUID id) {
        Permissions.require(caller, Permission.CREATE_RUNS);
        return Blocking.call(() -> stored(uploads.find(caller.organizationId(), id)
                .orElseThrow(() -> notFound(id))));
    }

    /**
     * The upload with its bytes in the store, or a 4xx. With the gateway's own URLs the PUT recorded them; with
     * the store's presigned URLs the gateway never saw the PUT, so it asks the store (and enforces the size limit
     * here, deleting a file over it).
     */
    Upload stored(Upload upload) {
        return stored(upload, uploads);
    }

    /** @param dao the caller's transaction, which may hold the upload's row locked */
    Upload stored(Upload upload, UploadDao dao) {
        if (upload.isStored()) {
            return upload;
        }
        StoredObject object = properties.storeUrls() ? store.head(upload.objectKey()).orElse(null) : null;
        if (object == null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "Upload " + upload.id() + " has no file yet: PUT the file"
                    + " to its upload URL first" + (Upload.RECEIVING.equals(upload.state()) ? " (a PUT is in progress)" : ""));
        }
        if (object.size() > properties.maxFileSize().toBytes()) {
            store.delete(upload.objectKey());
            throw tooLarge(object.size());
        }
        dao.markStored(upload.organizationId(), upload.id(), object.size(), object.contentType());
        return dao.find(upload.organizationId(), upload.id()).orElseThrow();
    }

    /** v2 delete: only uploads not linked to a run; all or nothing. */
    public Mono<List<UUID>> deleteUnlinked(Caller caller, List<UUID> ids) {
        Permissions.require(caller, Permission.CREATE_RUNS);
        if (ids.isEmpty()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "Name the uploads to delete: ids=<upload id>",
                    List.of(new Issue(List.of("ids"), "is required")), null);
        }
        return Blocking.call(() -> {
            List<Upload> found = uploads.findAll(caller.organizationId(), ids);
            List<UUID> missing = new ArrayList<>(ids);
            found.forEach(upload -> missing.remove(upload.id()));
            if (!missing.isEmpty()) {
                throw new ApiException(ErrorCode.NOT_FOUND, "No upload " + missing.getFirst() + " in this organization");
            }
            for (Upload upload : found) {
                if (upload.isLinked()) {
                    throw new ApiException(ErrorCode.CONFLICT, "Upload " + upload.id() + " is linked to "
                            + upload.linkedTo() + "; only unlinked uploads can be deleted");
                }
            }
            List<UUID> deleted = new ArrayList<>();
            for (Upload upload : found) {
                store.delete(upload.objectKey());
                if (uploads.deleteUnlinked(caller.organizationId(), upload.id()) == 1) {
                    deleted.add(upload.id());
                }
            }
            return deleted;
        });
    }

    Mono<Upload> find(Caller caller, UUID id) {
        return Blocking.call(() -> uploads.find(caller.organizationId(), id).orElseThrow(() -> notFound(id)));
    }

    ApiException tooLarge(long size) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The file has " + size + " bytes, over the limit of "
                + properties.maxFileSize().toBytes() + " (runline.gateway.uploads.max-file-size)");
    }

    Instant now() {
        return clock.instant();
    }

    static ApiException notFound(UUID id) {
        return new ApiException(ErrorCode.NOT_FOUND, "No upload " + id + " in this organization");
    }

    private static String checkedName(String name) {
        String problem = name == null || name.isBlank() ? "is required"
                : name.length() > NAME_MAX ? "must have at most " + NAME_MAX + " characters"
                : name.chars().anyMatch(Character::isISOControl) ? "must not contain control characters"
                : null;
        if (problem != null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "Invalid request: name: " + problem,
                    List.of(new Issue(List.of("name"), problem)), null);
        }
        return name;
    }
}
