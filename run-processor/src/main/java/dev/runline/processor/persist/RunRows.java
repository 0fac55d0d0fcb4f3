package dev.runline.processor.persist;

import dev.runline.schemas.event.JsonValue;
import dev.runline.schemas.event.Log;
import dev.runline.schemas.event.Measurement;
import dev.runline.schemas.event.Phase;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunAccepted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps one run event, with its references resolved to ids, to the rows it becomes. Pure: no I/O.
 * Measured values keep their type in their own column; structured parts are JSON text for jsonb.
 */
public final class RunRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record RunRow(UUID id, UUID organizationId, UUID procedureId, UUID procedureVersionId, UUID unitId,
            String outcome, Instant startedAt, Instant endedAt, UUID operatorUserId, UUID apiKeyId, UUID stationId,
            String docstring, String metadataJson, String apiVersion, String client, String clientVersion,
            String idempotencyKey, Instant receivedAt) {}

    public record SubUnitRow(UUID runId, UUID unitId) {}

    public record PhaseRow(UUID id, UUID runId, int position, String name, String outcome, Instant startedAt,
            Instant endedAt, int retryCount, String docstring) {}

    public record MeasurementRow(UUID phaseId, int position, String name, String outcome, Double valueNumber,
            String valueString, Boolean valueBoolean, String valueJson, String unitsJson, String validatorsJson,
            String aggregationsJson, String xAxisJson, String yAxisJson, String docstring) {}

    public record LogRow(UUID runId, int position, String level, Instant loggedAt, String message, String sourceFile,
            Integer lineNumber) {}

    /** The ids a run's references resolved to. */
    public record References(UUID unitId, UUID procedureVersionId, UUID operatorUserId) {}

    private RunRows() {}

    public static RunRow run(RunAccepted event, References references) {
        Run run = event.getRun();
        return new RunRow(
                event.getRunId(),
                event.getOrganizationId(),
                run.getProcedureId(),
                references.procedureVersionId(),
                references.unitId(),
                run.getOutcome().name(),
                run.getStartedAt(),
                run.getEndedAt(),
                references.operatorUserId(),
                event.getSubmittedBy().getKeyId(),
                event.getSubmittedBy().getStationId(),
                run.getDocstring(),
                json(run.getMetadata()),
                event.getApiVersion().name(),
                run.getClient(),
                run.getClientVersion(),
                event.getIdempotencyKey(),
                event.getReceivedAt());
    }

    /** Phases, with ids of their own so that measurements can refer to them without a round trip. */
    public static List<PhaseRow> phases(RunAccepted event, List<UUID> phaseIds) {
        List<Phase> phases = event.getRun().getPhases();
        List<PhaseRow> rows = new ArrayList<>(phases.size());
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            rows.add(new PhaseRow(phaseIds.get(i), event.getRunId(), i, phase.getName(), phase.getOutcome().name(),
                    phase.getStartedAt(), phase.getEndedAt(), phase.getRetryCount(), phase.getDocstring()));
        }
        return rows;
    }

    public static void measurements(Phase phase, UUID phaseId, List<MeasurementRow> into) {
        List<Measurement> measurements = phase.getMeasurements();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            Object value = m.getMeasuredValue();
            into.add(new MeasurementRow(
                    phaseId,
                    i,
                    m.getName(),
                    m.getOutcome().name(),
                    value instanceof Double number ? number : null,
                    value instanceof CharSequence text ? text.toString() : null,
                    value instanceof Boolean flag ? flag : null,
                    value instanceof JsonValue structured ? structured.getJson() : null,
                    m.getUnits() == null ? null : json(m.getUnits() instanceof CharSequence s ? s.toString() : m.getUnits()),
                    jsonText(m.getValidators()),
                    jsonText(m.getAggregations()),
                    jsonText(m.getXAxis()),
                    jsonText(m.getYAxis()),
                    m.getDocstring()));
        }
    }

    public static List<LogRow> logs(RunAccepted event) {
        List<Log> logs = event.getRun().getLogs();
        List<LogRow> rows = new ArrayList<>(logs.size());
        for (int i = 0; i < logs.size(); i++) {
            Log log = logs.get(i);
            rows.add(new LogRow(event.getRunId(), i, log.getLevel().name(), log.getTimestamp(), log.getMessage(),
                    log.getSourceFile(), log.getLineNumber()));
        }
        return rows;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value instanceof Map<?, ?> map ? stringKeys(map) : value);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key.toString(), value instanceof CharSequence s ? s.toString() : value));
        return copy;
    }

    private static String jsonText(JsonValue value) {
        return value == null ? null : value.getJson();
    }
}
