package dev.runline.gateway.openhtf;

import dev.runline.gateway.attachment.ImportedFiles;
import dev.runline.gateway.attachment.ImportedFiles.NewFile;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import dev.runline.gateway.run.RunIntake;
import dev.runline.gateway.run.RunLimits;
import dev.runline.schemas.event.ApiVersion;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/import} (contract §10): an uploaded OpenHTF test record becomes a run, with the record
 * kept as the run's report attachment and its inlined attachments as attachments. Idempotent by upload: the
 * run id is fixed on the upload before the run is published, so importing the same upload again (a retry after
 * a timeout, a station run twice) publishes the same run id, which the processor stores once.
 */
@Service
public class OpenHtfImports {

    private final ImportedFiles files;
    private final RunIntake intake;
    private final OpenHtfRecordConverter converter;
    private final ObjectMapper json;

    public OpenHtfImports(ImportedFiles files, RunIntake intake, RunLimits limits, ObjectMapper json) {
        this.files = files;
        this.intake = intake;
        this.converter = new OpenHtfRecordConverter(limits);
        this.json = json;
    }

    public record ImportRequest(UUID uploadId, String client, String clientVersion) {}

    public Mono<UUID> importRecord(Caller caller, ImportRequest request) {
        Permissions.require(caller, Permission.CREATE_RUNS);
        Instant receivedAt = intake.receivedAt();
        return files.record(caller, request.uploadId()).flatMap(record -> {
            OpenHtfConversion conversion = converter.convert(parse(record.bytes()), receivedAt);
            return intake.checked(caller, ApiVersion.V1, conversion.run())
                    .flatMap(run -> Blocking.call(() -> files.storeWithRun(caller, record.upload(),
                                    conversion.attachments().stream()
                                            .map(file -> new NewFile(file.name(), file.contentType(), file.data())).toList()))
                            .flatMap(stored -> {
                                run.setClient(request.client()).setClientVersion(request.clientVersion())
                                        .setAttachments(stored.attachments());
                                return intake.publish(caller, ApiVersion.V1, receivedAt, null, run, stored.runId());
                            }));
        });
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "The upload is not an OpenHTF JSON test record: malformed JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }
}
