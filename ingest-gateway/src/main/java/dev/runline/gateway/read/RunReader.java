package dev.runline.gateway.read;

import dev.runline.gateway.attachment.AttachmentDao;
import dev.runline.gateway.attachment.AttachmentView;
import dev.runline.gateway.attachment.UploadUrls;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.status.RunStatus;
import dev.runline.gateway.status.RunStatuses;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads stored runs for the read routes (blocking JDBC: call it off the event loop). Everything is scoped to the
 * caller's organization; a run of another organization is unknown, as it is to every other route.
 */
@Component
public class RunReader {

    /** A unit's history is tens of runs; the bound only keeps a pathological one from filling the heap. */
    static final int RUNS_PER_SERIAL = 1000;

    private final Jdbi jdbi;
    private final MeasurementViews measurements;
    private final UploadUrls urls;
    private final RunStatuses statuses;

    public RunReader(Jdbi jdbi, ObjectMapper json, UploadUrls urls, RunStatuses statuses) {
        this.jdbi = jdbi;
        this.measurements = new MeasurementViews(json);
        this.urls = urls;
        this.statuses = statuses;
    }

    /**
     * The stored run; 404 when there is none in the organization, saying so when it was accepted and is still
     * being stored (a station reading right after its create) or was dead-lettered.
     *
     * @param requestUri the request, whose origin the attachments' download URLs use unless a public URL is set
     */
    public RunView run(UUID organizationId, UUID runId, URI requestUri) {
        // One handle, one connection, for the half-dozen statements.
        RunView view = jdbi.withHandle(handle -> {
            RunReadDao runs = handle.attach(RunReadDao.class);
            return runs.run(organizationId, runId).map(run -> {
                Map<UUID, List<RunView.Measurement>> byPhase = new HashMap<>();
                for (StoredDetails.Measurement stored : runs.measurements(runId)) {
                    byPhase.computeIfAbsent(stored.phaseId(), phase -> new ArrayList<>()).add(measurements.view(stored));
                }
                List<AttachmentView> attachments = handle.attach(AttachmentDao.class).ofRun(organizationId, runId).stream()
                        .map(attachment -> AttachmentView.of(attachment, urls, requestUri)).toList();
                return RunViews.view(run, runs.phases(runId), byPhase, runs.logs(runId), runs.subUnits(runId), attachments);
            }).orElse(null);
        });
        if (view == null) {
            throw notStored(organizationId, runId);
        }
        return view;
    }

    /** The unit's runs, newest first; none for a serial the organization has no unit of. */
    public List<V1RunView> ofSerial(UUID organizationId, String serialNumber) {
        return jdbi.onDemand(RunReadDao.class).ofSerial(organizationId, serialNumber, RUNS_PER_SERIAL).stream()
                .map(V1RunView::of).toList();
    }

    /** A page of the organization's runs, in {@code runs.list}'s envelope; {@code next_cursor} null on the last. */
    public RunPage list(UUID organizationId, RunListRequest request) {
        List<StoredRun> found = jdbi.onDemand(RunReadDao.class).list(organizationId, request.filter(), request.order(),
                request.limit() + 1, request.offset());
        boolean more = found.size() > request.limit();
        List<RunListItem> page = found.stream().limit(request.limit()).map(RunListItem::of).toList();
        return new RunPage(page, new RunPage.Meta(more, more ? request.offset() + request.limit() : null));
    }

    private ApiException notStored(UUID organizationId, UUID runId) {
        String message = statuses.find(organizationId, runId).map(status -> switch (status.status()) {
            case RunStatus.IN_FLIGHT -> "Run " + runId + " was accepted and is still being stored; ask again shortly"
                    + " (GET /api/v2/runs/" + runId + "/status tells when it is stored)";
            case RunStatus.STORED -> "Run " + runId + " was stored a moment ago; ask again";
            default -> "Run " + runId + " was accepted but not stored (" + status.status() + "): "
                    + status.error().code() + ": " + status.error().message()
                    + " (GET /api/v2/runs/" + runId + "/status)";
        }).orElse("No run " + runId + " in this organization");
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }
}
