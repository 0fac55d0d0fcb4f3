package dev.runline.gateway.read;

import dev.runline.gateway.attachment.AttachmentView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assembles a {@link RunView} from the stored rows. Pure. Where the schema allows an unknown value that the
 * v2 model requires, the nearest known one stands in: a phase without times takes the run's, a log without a
 * time takes the run's start, a log without a line number has line 0.
 */
final class RunViews {

    private RunViews() {}

    /** @param measurements each phase's measurements, in order, by phase id (a phase without any may be absent) */
    static RunView view(StoredRun run, List<StoredDetails.Phase> phases, Map<UUID, List<RunView.Measurement>> measurements,
            List<StoredDetails.Log> logs, List<StoredDetails.SubUnit> subUnits, List<AttachmentView> attachments) {
        return new RunView(run.id(), run.createdAt(), run.startedAt(), run.endedAt(),
                duration(run.startedAt(), run.endedAt()), run.outcome(), procedure(run), unit(run), run.docstring(),
                run.creatorUserId() == null ? null
                        : new RunView.Person(run.creatorUserId(), run.creatorUserName(), run.creatorUserEmail()),
                run.creatorStationId() == null ? null
                        : new RunView.Station(run.creatorStationId(), run.creatorStationName()),
                run.operatorId() == null ? null
                        : new RunView.Person(run.operatorId(), run.operatorName(), run.operatorEmail()),
                phases.stream().map(phase -> phase(run, phase, measurements.getOrDefault(phase.id(), List.of()))).toList(),
                attachments,
                logs.stream().map(log -> log(run, log)).toList(),
                subUnits.stream().map(sub -> new RunView.SubUnit(sub.id(), sub.serialNumber(), sub.partNumber(),
                        sub.partName())).toList());
    }

    static RunView.Procedure procedure(StoredRun run) {
        return new RunView.Procedure(run.procedureId(), run.procedureName(), run.procedureVersionId() == null ? null
                : new RunView.Version(run.procedureVersionId(), run.procedureVersionTag()));
    }

    static RunView.Unit unit(StoredRun run) {
        return new RunView.Unit(run.unitId(), run.serialNumber(),
                new RunView.Part(run.partId(), run.partNumber(), run.partName(),
                        new RunView.Revision(run.revisionId(), run.revisionNumber())),
                run.batchId() == null ? null : new RunView.Batch(run.batchId(), run.batchNumber()));
    }

    /** ISO 8601, as {@link Duration#toString()} writes it: {@code PT2M30S}, {@code PT0.25S}, {@code PT0S}. */
    static String duration(Instant start, Instant end) {
        return Duration.between(start, end).toString();
    }

    private static RunView.Phase phase(StoredRun run, StoredDetails.Phase phase, List<RunView.Measurement> measurements) {
        Instant started = phase.startedAt() != null ? phase.startedAt() : run.startedAt();
        Instant ended = phase.endedAt() != null ? phase.endedAt() : started.isAfter(run.endedAt()) ? started : run.endedAt();
        return new RunView.Phase(phase.id(), phase.name(), phase.outcome(), started, ended, duration(started, ended),
                phase.retryCount(), measurements, phase.docstring());
    }

    private static RunView.Log log(StoredRun run, StoredDetails.Log log) {
        return new RunView.Log(Long.toString(log.id()), log.level(),
                log.loggedAt() != null ? log.loggedAt() : run.startedAt(), log.message(), log.sourceFile(),
                log.lineNumber() == null ? 0 : log.lineNumber());
    }
}
