package dev.runline.gateway.read;

import java.time.Instant;
import java.util.UUID;

/** The rows under a stored run, as the processor wrote them; the JSON columns stay text until they are read. */
public final class StoredDetails {

    private StoredDetails() {}

    public record Phase(UUID id, String name, String outcome, Instant startedAt, Instant endedAt, int retryCount,
            String docstring) {}

    /** At most one of the value columns is set; {@code valueJson} holds rows, objects and arrays. */
    public record Measurement(long id, UUID phaseId, String name, String outcome, Double valueNumber,
            String valueString, Boolean valueBoolean, String valueJson, String unitsJson, String validatorsJson,
            String aggregationsJson, String xAxisJson, String yAxisJson) {}

    public record Log(long id, String level, Instant loggedAt, String message, String sourceFile, Integer lineNumber) {}

    public record SubUnit(UUID id, String serialNumber, String partNumber, String partName) {}
}
