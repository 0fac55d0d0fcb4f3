package dev.runline.gateway.attachment;

import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.run.RunIds;
import dev.runline.schemas.event.AttachmentLinked;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Links an upload to a run (v1 {@code uploads/sync}, v2 {@code PATCH /runs/{id}}). The run may still be in
 * flight: stations link their files right after the run's 200, before the processor stored it, so a run is
 * accepted if it is stored in the caller's organization, dead-lettered there (a replay may store it), or issued
 * recently enough to be in flight. The upload is claimed for the run in PostgreSQL, then the link is published
 * for the processor to store; if the broker does not take it the claim is undone, so nothing is half-linked.
 */
@Service
public class AttachmentLinker {

    /** Clocks of two gateway hosts may disagree a little about when a run id was issued. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final UploadService uploads;
    private final AttachmentLinkPublisher publisher;
    private final UploadProperties properties;
    private final Duration inFlightHorizon;

    public AttachmentLinker(Jdbi jdbi, UploadService uploads, AttachmentLinkPublisher publisher,
            UploadProperties properties, GatewayProperties gateway) {
        this.jdbi = jdbi;
        this.uploads = uploads;
        this.publisher = publisher;
        this.properties = properties;
        this.inFlightHorizon = gateway.inFlightHorizon();
    }

    private record Claim(Upload upload, boolean newlyLinked) {}

    public Mono<Void> link(Caller caller, UUID uploadId, UUID runId) {
        Permissions.require(caller, Permission.CREATE_RUNS);
        return Blocking.call(() -> claim(caller, uploadId, runId))
                .flatMap(claim -> publisher.publish(event(caller, claim.upload(), runId))
                        .onErrorResume(ApiException.class, refused -> claim.newlyLinked()
                                ? Blocking.call(() -> jdbi.onDemand(UploadDao.class).unlink(uploadId, runId))
                                        .then(Mono.error(refused))
                                : Mono.error(refused)));
    }

    private Claim claim(Caller caller, UUID uploadId, UUID runId) {
        UUID organizationId = caller.organizationId();
        return jdbi.inTransaction(handle -> {
            UploadDao dao = handle.attach(UploadDao.class);
            requireRunOf(dao, organizationId, runId);
            dao.lockLinks(runId);
            Upload upload = uploads.stored(
                    dao.lock(organizationId, uploadId).orElseThrow(() -> UploadService.notFound(uploadId)), dao);
            if (upload.isLinked()) {
                if (runId.equals(upload.runId())) {
                    return new Claim(upload, false);
                }
                throw new ApiException(ErrorCode.CONFLICT, "Upload " + uploadId + " is already linked to "
                        + upload.linkedTo() + "; an upload belongs to one run or unit");
            }
            int linked = dao.countLinked(organizationId, runId);
            if (linked >= properties.maxFilesPerRun()) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "Run " + runId + " already has " + linked
                        + " files, the limit (runline.gateway.uploads.max-files-per-run)");
            }
            dao.link(organizationId, uploadId, runId);
            return new Claim(upload, true);
        });
    }

    /** 404 unless the run is, or may soon be, one of the caller's organization. */
    private void requireRunOf(UploadDao dao, UUID organizationId, UUID runId) {
        Optional<UUID> owner = dao.runOrganization(runId);
        if (owner.isPresent()) {
            if (owner.get().equals(organizationId)) {
                return;
            }
            throw noRun(runId);
        }
        if (dao.deadLettered(organizationId, runId)) {
            return;
        }
        Instant now = uploads.now();
        boolean inFlight = RunIds.issuedAt(runId)
                .filter(issued -> !issued.isBefore(now.minus(inFlightHorizon)) && !issued.isAfter(now.plus(CLOCK_SKEW)))
                .isPresent();
        if (!inFlight) {
            throw noRun(runId);
        }
    }

    private static ApiException noRun(UUID runId) {
        return new ApiException(ErrorCode.NOT_FOUND, "No run " + runId + " in this organization");
    }

    private AttachmentLinked event(Caller caller, Upload upload, UUID runId) {
        return AttachmentLinked.newBuilder()
                .setUploadId(upload.id())
                .setOrganizationId(caller.organizationId())
                .setRunId(runId)
                .setKeyId(caller.keyId())
                .setLinkedAt(uploads.now().truncatedTo(ChronoUnit.MICROS))
                .setObjectKey(upload.objectKey())
                .setName(upload.name())
                .setSize(upload.size())
                .setContentType(upload.contentType())
                .build();
    }
}
