package dev.runline.gateway.attachment;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import dev.runline.schemas.event.UnitAttachment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Claims uploads for a unit (v2 {@code units.update} {@code attachments}) before the unit's edit is published, as
 * {@link AttachmentLinker} claims them for a run: an upload belongs to one run or one unit, a unit has at most
 * {@code max-files-per-run} files, and a claim whose edit was not published or was refused is released.
 */
@Service
public class UnitAttachmentClaims {

    private final Jdbi jdbi;
    private final UploadService uploads;
    private final UploadProperties properties;

    public UnitAttachmentClaims(Jdbi jdbi, UploadService uploads, UploadProperties properties) {
        this.jdbi = jdbi;
        this.uploads = uploads;
        this.properties = properties;
    }

    /**
     * @param attachments every upload named, as the edit carries them (one already the unit's is stored once)
     * @param newlyClaimed the uploads this request claimed, to release if the edit does not apply
     */
    public record Claimed(List<UnitAttachment> attachments, List<UUID> newlyClaimed) {}

    /** Blocking: call it off the event loop. */
    public Claimed claim(UUID organizationId, UUID unitId, List<UUID> uploadIds) {
        if (uploadIds.isEmpty()) {
            return new Claimed(List.of(), List.of());
        }
        return jdbi.inTransaction(handle -> {
            UploadDao dao = handle.attach(UploadDao.class);
            dao.lockLinks(unitId);
            List<UnitAttachment> attachments = new ArrayList<>();
            List<UUID> claimed = new ArrayList<>();
            for (UUID uploadId : uploadIds) {
                Upload upload = uploads.stored(
                        dao.lock(organizationId, uploadId).orElseThrow(() -> UploadService.notFound(uploadId)), dao);
                if (!unitId.equals(upload.unitId())) {
                    if (upload.isLinked()) {
                        throw new ApiException(ErrorCode.CONFLICT, "Upload " + uploadId + " is already linked to "
                                + upload.linkedTo() + "; an upload belongs to one run or unit");
                    }
                    dao.linkToUnit(organizationId, uploadId, unitId);
                    claimed.add(uploadId);
                }
                attachments.add(UnitAttachment.newBuilder().setUploadId(upload.id()).setObjectKey(upload.objectKey())
                        .setName(upload.name()).setSize(upload.size()).setContentType(upload.contentType()).build());
            }
            int linked = dao.countLinkedToUnit(organizationId, unitId);
            if (linked > properties.maxFilesPerRun()) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "Unit would have " + linked + " files, more than the limit"
                        + " of " + properties.maxFilesPerRun() + " (runline.gateway.uploads.max-files-per-run)");
            }
            return new Claimed(attachments, claimed);
        });
    }

    /** Frees uploads claimed for an edit that changed nothing. */
    public Mono<Void> release(UUID unitId, List<UUID> newlyClaimed) {
        if (newlyClaimed.isEmpty()) {
            return Mono.empty();
        }
        return Blocking.call(() -> jdbi.withExtension(UploadDao.class, dao -> dao.unlinkFromUnit(newlyClaimed, unitId)))
                .then();
    }
}
