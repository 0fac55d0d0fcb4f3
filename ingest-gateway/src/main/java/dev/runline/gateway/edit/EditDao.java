package dev.runline.gateway.edit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the edit routes read: the processor's recorded outcome of an edit, and the stored units and runs an edit
 * names, checked before it is published so that a plain mistake is answered at once. Everything is scoped to the
 * caller's organization.
 */
@RegisterConstructorMapper(RecordedEdit.class)
@RegisterConstructorMapper(EditDao.UnitRef.class)
@RegisterConstructorMapper(EditDao.RunOfUnit.class)
public interface EditDao {

    /** A stored unit, as named in an edit. */
    record UnitRef(UUID id, String serialNumber, UUID parentUnitId) {}

    /** A stored run and the serial of its unit, the key its deletion is ordered under. */
    record RunOfUnit(UUID id, String serialNumber) {}

    @SqlQuery("""
            SELECT outcome, error_code, message, result::text AS result
            FROM edits WHERE id = :editId AND organization_id = :organizationId
            """)
    Optional<RecordedEdit> outcome(UUID editId, UUID organizationId);

    @SqlQuery("""
            SELECT id, serial_number, parent_unit_id FROM units
            WHERE organization_id = :organizationId AND lower(serial_number) = lower(:serialNumber)
            """)
    Optional<UnitRef> unit(UUID organizationId, String serialNumber);

    /** Nearest first; UNION (not ALL) ends the walk even on a tree that already loops. */
    @SqlQuery("""
            WITH RECURSIVE up(id) AS (
                SELECT parent_unit_id FROM units WHERE id = :unitId AND parent_unit_id IS NOT NULL
                UNION
                SELECT u.parent_unit_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_unit_id IS NOT NULL
            )
            SELECT id FROM up
            """)
    List<UUID> ancestors(UUID unitId);

    @SqlQuery("""
            SELECT r.id, u.serial_number FROM runs r JOIN units u ON u.id = r.unit_id
            WHERE r.organization_id = :organizationId AND r.id = ANY(:runIds)
            """)
    List<RunOfUnit> runs(UUID organizationId, UUID[] runIds);
}
