package dev.runline.gateway.testing;

import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A run stored as the processor stores it (the gateway tests run no processor), built field by field: the
 * defaults make a valid, plain run of the tenant's FVT1 procedure on a fresh unit; each test sets only what it is
 * about. Part, revision, batch, unit and procedure version are found or created by name, as the processor
 * resolves them, so several runs can share a unit.
 */
public final class SeededRun {

    private final TestTenant tenant;
    private UUID runId = UUID.randomUUID();
    private UUID procedureId;
    private String procedureVersion;
    private String serialNumber = "SN-" + UUID.randomUUID().toString().substring(0, 8);
    private String partNumber = "PCB-" + UUID.randomUUID().toString().substring(0, 6);
    private String partName = "New Part";
    private String revision = "A";
    private String batch;
    private String outcome = "PASS";
    private Instant startedAt = Instant.parse("2026-03-02T10:00:00Z");
    private Instant endedAt = Instant.parse("2026-03-02T10:02:30Z");
    private Instant receivedAt = Instant.parse("2026-03-02T10:02:31Z");
    private String docstring;
    private UUID operatorId;
    private UUID submittingUserId;
    private UUID submittingStationId;
    private final List<Phase> phases = new ArrayList<>();
    private final List<Log> logs = new ArrayList<>();
    private final List<String> subUnitSerials = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();

    private SeededRun(TestTenant tenant) {
        this.tenant = tenant;
        this.procedureId = tenant.procedureId;
        this.submittingUserId = tenant.adminId;
    }

    public static SeededRun in(TestTenant tenant) {
        return new SeededRun(tenant);
    }

    /** What {@link #store()} wrote, by id. */
    public record Stored(UUID runId, UUID unitId, UUID partId, UUID revisionId, UUID batchId, UUID procedureVersionId,
            List<UUID> phaseIds) {}

    /** A phase; its measurements are stored in the order given. */
    public record Phase(String name, String outcome, Instant startedAt, Instant endedAt, int retryCount, String docstring,
            List<Measurement> measurements) {
        public static Phase passed(String name, Instant startedAt, Instant endedAt, Measurement... measurements) {
            return new Phase(name, "PASS", startedAt, endedAt, 0, null, List.of(measurements));
        }
    }

    /** A measurement row; at most one value is set; the JSON columns are JSON text or null. */
    public record Measurement(String name, String outcome, Double valueNumber, String valueString, Boolean valueBoolean,
            String valueJson, String unitsJson, String validatorsJson, String aggregationsJson, String xAxisJson,
            String yAxisJson) {
        public static Measurement number(String name, double value, String unitsJson, String validatorsJson) {
            return new Measurement(name, "PASS", value, null, null, null, unitsJson, validatorsJson, null, null, null);
        }

        public Measurement withOutcome(String value) {
            return new Measurement(name, value, valueNumber, valueString, valueBoolean, valueJson, unitsJson,
                    validatorsJson, aggregationsJson, xAxisJson, yAxisJson);
        }
    }

    public record Log(String level, Instant loggedAt, String message, String sourceFile, Integer lineNumber) {}

    public record Attachment(UUID id, String name, long size, String contentType, boolean isReport) {
        public static Attachment file(String name, long size, String contentType) {
            return new Attachment(UUID.randomUUID(), name, size, contentType, false);
        }
    }

    public SeededRun id(UUID value) {
        runId = value;
        return this;
    }

    public SeededRun procedure(UUID value) {
        procedureId = value;
        return this;
    }

    public SeededRun procedureVersion(String tag) {
        procedureVersion = tag;
        return this;
    }

    public SeededRun serial(String value) {
        serialNumber = value;
        return this;
    }

    public SeededRun part(String number, String name) {
        partNumber = number;
        partName = name;
        return this;
    }

    public SeededRun revision(String value) {
        revision = value;
        return this;
    }

    public SeededRun batch(String value) {
        batch = value;
        return this;
    }

    public SeededRun outcome(String value) {
        outcome = value;
        return this;
    }

    public SeededRun times(Instant started, Instant ended) {
        startedAt = started;
        endedAt = ended;
        receivedAt = ended.plusSeconds(1);
        return this;
    }

    public SeededRun docstring(String value) {
        docstring = value;
        return this;
    }

    public SeededRun operator(UUID userId) {
        operatorId = userId;
        return this;
    }

    /** Submitted with a key of this station (the default is a key of the tenant's admin). */
    public SeededRun submittedByStation(UUID stationId) {
        submittingUserId = null;
        submittingStationId = stationId;
        return this;
    }

    public SeededRun phase(Phase value) {
        phases.add(value);
        return this;
    }

    public SeededRun log(Log value) {
        logs.add(value);
        return this;
    }

    /** A sub-unit, created on the run's part if the serial is new. */
    public SeededRun subUnit(String serial) {
        subUnitSerials.add(serial);
        return this;
    }

    public SeededRun attachment(Attachment value) {
        attachments.add(value);
        return this;
    }

    public Stored store() {
        UUID organization = tenant.organizationId;
        UUID partId = idOf("INSERT INTO parts (id, organization_id, number, name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                "SELECT id FROM parts WHERE organization_id = ? AND lower(number) = lower(?)",
                List.of(organization, partNumber, partName), List.of(organization, partNumber));
        UUID revisionId = idOf("INSERT INTO revisions (id, part_id, number) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                "SELECT id FROM revisions WHERE part_id = ? AND lower(number) = lower(?)",
                List.of(partId, revision), List.of(partId, revision));
        UUID batchId = batch == null ? null : idOf(
                "INSERT INTO batches (id, organization_id, number) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                "SELECT id FROM batches WHERE organization_id = ? AND lower(number) = lower(?)",
                List.of(organization, batch), List.of(organization, batch));
        UUID unitId = unit(serialNumber, revisionId, batchId);
        UUID versionId = procedureVersion == null ? null : idOf(
                "INSERT INTO procedure_versions (id, procedure_id, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                "SELECT id FROM procedure_versions WHERE procedure_id = ? AND lower(tag) = lower(?)",
                List.of(procedureId, procedureVersion), List.of(procedureId, procedureVersion));
        UUID keyId = tenant.addKey(submittingUserId, submittingStationId, UUID.randomUUID().toString().getBytes(), null, null);
        tenant.execute("""
                INSERT INTO runs (id, organization_id, procedure_id, procedure_version_id, unit_id, outcome, started_at,
                                  ended_at, operator_user_id, api_key_id, station_id, docstring, api_version, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'V2', ?)
                """, runId, organization, procedureId, versionId, unitId, outcome, time(startedAt), time(endedAt),
                operatorId, keyId, submittingStationId, docstring, time(receivedAt));
        List<UUID> phaseIds = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            phaseIds.add(storePhase(p, phases.get(p)));
        }
        for (int l = 0; l < logs.size(); l++) {
            Log log = logs.get(l);
            tenant.execute("""
                    INSERT INTO logs (run_id, position, level, logged_at, message, source_file, line_number)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, runId, l, log.level(), time(log.loggedAt()), log.message(), log.sourceFile(), log.lineNumber());
        }
        for (String serial : subUnitSerials) {
            UUID subUnit = unit(serial, revisionId, null);
            tenant.execute("UPDATE units SET parent_unit_id = ? WHERE id = ?", unitId, subUnit);
            tenant.execute("INSERT INTO run_sub_units (run_id, unit_id) VALUES (?, ?)", runId, subUnit);
        }
        for (Attachment attachment : attachments) {
            tenant.execute("""
                    INSERT INTO attachments (id, organization_id, run_id, name, object_key, size, content_type, is_report,
                                             linked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
                    """, attachment.id(), organization, runId, attachment.name(),
                    organization + "/" + attachment.id(), attachment.size(), attachment.contentType(), attachment.isReport());
        }
        return new Stored(runId, unitId, partId, revisionId, batchId, versionId, phaseIds);
    }

    private UUID storePhase(int position, Phase phase) {
        UUID id = UUID.randomUUID();
        tenant.execute("""
                INSERT INTO phases (id, run_id, position, name, outcome, started_at, ended_at, retry_count, docstring)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, id, runId, position, phase.name(), phase.outcome(), time(phase.startedAt()), time(phase.endedAt()),
                phase.retryCount(), phase.docstring());
        for (int m = 0; m < phase.measurements().size(); m++) {
            Measurement measurement = phase.measurements().get(m);
            tenant.execute("""
                    INSERT INTO measurements (phase_id, position, name, outcome, value_number, value_string, value_boolean,
                                              value_json, units, validators, aggregations, x_axis, y_axis)
                    VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb),
                            CAST(? AS jsonb), CAST(? AS jsonb))
                    """, id, m, measurement.name(), measurement.outcome(), measurement.valueNumber(),
                    measurement.valueString(), measurement.valueBoolean(), measurement.valueJson(), measurement.unitsJson(),
                    measurement.validatorsJson(), measurement.aggregationsJson(), measurement.xAxisJson(),
                    measurement.yAxisJson());
        }
        return id;
    }

    private UUID unit(String serial, UUID revisionId, UUID batchId) {
        return idOf("""
                INSERT INTO units (id, organization_id, serial_number, revision_id, batch_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, "SELECT id FROM units WHERE organization_id = ? AND lower(serial_number) = lower(?)",
                java.util.Arrays.asList(tenant.organizationId, serial, revisionId, batchId),
                List.of(tenant.organizationId, serial));
    }

    /** Insert-if-absent with a fresh id, then the id of whatever row holds the name. */
    private UUID idOf(String insert, String select, List<Object> insertValues, List<Object> selectValues) {
        List<Object> withId = new ArrayList<>();
        withId.add(UUID.randomUUID());
        withId.addAll(insertValues);
        tenant.execute(insert, withId.toArray());
        try (Connection connection = DriverManager.getConnection(tenant.jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(select)) {
            for (int i = 0; i < selectValues.size(); i++) {
                statement.setObject(i + 1, selectValues.get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding failed: " + select, e);
        }
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
