package dev.runline.processor.edit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements edits run; each in the caller's transaction. */
@RegisterConstructorMapper(EditDao.UnitRow.class)
interface EditDao {

    record UnitRow(UUID id, String serialNumber, String partNumber, String revisionNumber, UUID parentUnitId) {}

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM edits WHERE id = :editId)")
    boolean recorded(UUID editId);

    @SqlUpdate("""
            INSERT INTO edits (id, organization_id, kind, outcome, error_code, message, result, requested_at)
            VALUES (:editId, :organizationId, :kind, :outcome, :errorCode, :message, CAST(:resultJson AS jsonb), :requestedAt)
            ON CONFLICT (id) DO NOTHING
            """)
    int record(UUID editId, UUID organizationId, String kind, String outcome, String errorCode, String message,
            String resultJson, Instant requestedAt);

    /**
     * The organization's units of these serials, locked in id order: the order the run writer locks units in,
     * so an edit and a batch of runs never wait on each other in opposite orders.
     */
    @SqlQuery("""
            SELECT u.id, u.serial_number, pa.number AS part_number, rv.number AS revision_number, u.parent_unit_id
            FROM units u
            JOIN revisions rv ON rv.id = u.revision_id
            JOIN parts pa ON pa.id = rv.part_id
            WHERE u.organization_id = :organizationId AND lower(u.serial_number) = ANY(:foldedSerials)
            ORDER BY u.id
            FOR NO KEY UPDATE OF u
            """)
    List<UnitRow> lockUnits(UUID organizationId, String[] foldedSerials);

    @SqlUpdate("UPDATE units SET parent_unit_id = :parentId WHERE id = :childId")
    int setParent(UUID childId, UUID parentId);

    @SqlUpdate("UPDATE units SET parent_unit_id = NULL WHERE id = :childId AND parent_unit_id = :parentId")
    int clearParent(UUID childId, UUID parentId);

    @SqlUpdate("UPDATE units SET serial_number = :serialNumber WHERE id = :unitId")
    int rename(UUID unitId, String serialNumber);

    @SqlUpdate("UPDATE units SET revision_id = :revisionId WHERE id = :unitId")
    int setRevision(UUID unitId, UUID revisionId);

    @SqlUpdate("UPDATE units SET batch_id = :batchId WHERE id = :unitId")
    int setBatch(UUID unitId, UUID batchId);

    @SqlUpdate("UPDATE units SET batch_id = NULL WHERE id = :unitId")
    int clearBatch(UUID unitId);

    @SqlQuery("""
            SELECT id FROM units WHERE organization_id = :organizationId AND lower(serial_number) = lower(:serialNumber)
            """)
    List<UUID> unitsOfSerial(UUID organizationId, String serialNumber);

    /** The organization's runs among those named, locked: the rows below are deleted by these ids only. */
    @SqlQuery("SELECT id FROM runs WHERE id = ANY(:runIds) AND organization_id = :organizationId ORDER BY id FOR UPDATE")
    List<UUID> lockRuns(UUID organizationId, UUID[] runIds);

    @SqlUpdate("DELETE FROM measurements WHERE phase_id IN (SELECT id FROM phases WHERE run_id = ANY(:runIds))")
    int deleteMeasurements(UUID[] runIds);

    @SqlUpdate("DELETE FROM phases WHERE run_id = ANY(:runIds)")
    int deletePhases(UUID[] runIds);

    @SqlUpdate("DELETE FROM logs WHERE run_id = ANY(:runIds)")
    int deleteLogs(UUID[] runIds);

    @SqlUpdate("DELETE FROM run_sub_units WHERE run_id = ANY(:runIds)")
    int deleteSubUnitLinks(UUID[] runIds);

    @SqlUpdate("DELETE FROM attachments WHERE run_id = ANY(:runIds)")
    int deleteAttachments(UUID[] runIds);

    /**
     * The deleted runs' uploads become unlinked, so that the gateway's clean-up of unlinked uploads removes their
     * bytes from the object store (the processor has no access to it).
     */
    @SqlUpdate("""
            UPDATE uploads SET run_id = NULL, linked_at = NULL,
                   imported_run_id = CASE WHEN imported_run_id = ANY(:runIds) THEN NULL ELSE imported_run_id END
            WHERE run_id = ANY(:runIds) OR imported_run_id = ANY(:runIds)
            """)
    int unlinkUploads(UUID[] runIds);

    /** The upload id is the attachment's: an edit applied again stores it once. */
    @SqlUpdate("""
            INSERT INTO attachments (id, organization_id, unit_id, name, object_key, size, content_type, linked_at)
            VALUES (:id, :organizationId, :unitId, :name, :objectKey, :size, :contentType, :linkedAt)
            ON CONFLICT (id) DO NOTHING
            """)
    int attachToUnit(UUID id, UUID organizationId, UUID unitId, String name, String objectKey, long size,
            String contentType, Instant linkedAt);

    @SqlUpdate("DELETE FROM runs WHERE id = ANY(:runIds)")
    int deleteRuns(UUID[] runIds);
}
