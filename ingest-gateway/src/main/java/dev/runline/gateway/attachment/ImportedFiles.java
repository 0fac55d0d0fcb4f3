package dev.runline.gateway.attachment;

import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.run.RunIds;
import dev.runline.schemas.event.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The files of an import: the uploaded record (read back from the store, kept as the run's report) and the
 * attachments inlined in it (stored as uploads of their own, linked to the run). Everything is keyed by the
 * record's upload, so that an import repeated after a failure finds and rewrites the same rows and objects.
 */
@Service
public class ImportedFiles {

    private final Jdbi jdbi;
    private final UploadService uploads;
    private final ObjectStore store;
    private final UploadProperties properties;

    public ImportedFiles(Jdbi jdbi, UploadService uploads, ObjectStore store, UploadProperties properties) {
        this.jdbi = jdbi;
        this.uploads = uploads;
        this.store = store;
        this.properties = properties;
    }

    public record Record(Upload upload, byte[] bytes) {}

    public record NewFile(String name, String contentType, byte[] data) {}

    /** The run id, fixed on the record's upload, and the run's files by reference. */
    public record Stored(UUID runId, List<Attachment> attachments) {}

    public Mono<Record> record(Caller caller, UUID uploadId) {
        return uploads.find(caller, uploadId).flatMap(found -> Blocking.call(() -> {
            Upload upload = uploads.stored(found);
            return new Record(upload, store.read(upload.objectKey()));
        }));
    }

    /** Blocking: fixes the run id on the upload, stores the inlined files, and lists every file of the run. */
    public Stored storeWithRun(Caller caller, Upload record, List<NewFile> inlined) {
        if (1 + inlined.size() > properties.maxFilesPerRun()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "The record and its " + inlined.size() + " inlined attachments"
                    + " are more files than a run may have (" + properties.maxFilesPerRun()
                    + ", runline.gateway.uploads.max-files-per-run)");
        }
        for (NewFile file : inlined) {
            if (file.data().length > properties.maxFileSize().toBytes()) {
                throw uploads.tooLarge(file.data().length);
            }
        }
        UUID runId = fixRunId(caller, record);
        List<Attachment> attachments = new ArrayList<>();
        attachments.add(attachment(record.id(), record.objectKey(), record.name(), record.size(), record.contentType(), true));
        UploadDao dao = jdbi.onDemand(UploadDao.class);
        for (int i = 0; i < inlined.size(); i++) {
            NewFile file = inlined.get(i);
            UUID id = UUID.nameUUIDFromBytes((record.id() + "/inlined/" + i).getBytes(StandardCharsets.UTF_8));
            String objectKey = Upload.objectKey(caller.organizationId(), id);
            store.put(objectKey, file.data(), file.contentType());
            dao.insertLinked(id, caller.organizationId(), caller.keyId(), file.name(), objectKey, file.data().length,
                    file.contentType(), runId);
            attachments.add(attachment(id, objectKey, file.name(), file.data().length, file.contentType(), false));
        }
        return new Stored(runId, attachments);
    }

    private UUID fixRunId(Caller caller, Upload record) {
        return jdbi.inTransaction(handle -> {
            UploadDao dao = handle.attach(UploadDao.class);
            Upload locked = dao.lock(caller.organizationId(), record.id()).orElseThrow(() -> UploadService.notFound(record.id()));
            if (locked.importedRunId() != null) {
                return locked.importedRunId();
            }
            if (locked.isLinked()) {
                throw new ApiException(ErrorCode.CONFLICT, "Upload " + record.id() + " is an attachment of "
                        + locked.linkedTo() + "; it cannot be imported as a run of its own");
            }
            UUID runId = RunIds.next();
            dao.markImported(caller.organizationId(), record.id(), runId);
            return runId;
        });
    }

    private static Attachment attachment(UUID id, String objectKey, String name, long size, String contentType,
            boolean isReport) {
        return Attachment.newBuilder().setUploadId(id).setObjectKey(objectKey).setName(name).setSize(size)
                .setContentType(contentType).setIsReport(isReport).build();
    }
}
