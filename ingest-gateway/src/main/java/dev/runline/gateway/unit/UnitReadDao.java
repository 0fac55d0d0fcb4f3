package dev.runline.gateway.unit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads stored units. A unit is looked up within the caller's organization; its children only by the id of a unit
 * that lookup returned. The unit itself is one select ({@code UnitReadDao/units.sql}) that the lookups by serial
 * and by filters share; each fills its constant {@code where} and {@code order} fragments.
 */
@RegisterConstructorMapper(StoredUnit.class)
@RegisterConstructorMapper(StoredUnit.Child.class)
public interface UnitReadDao {

    @SqlQuery("units")
    @UseClasspathSqlLocator
    Optional<StoredUnit> bySerial(@Define("where") String where, @Define("order") String order, UUID organizationId,
            String serialNumber, int limit, int offset);

    /** Serials are unique case-insensitively (index {@code units_serial_key}), and matched so. */
    default Optional<StoredUnit> unit(UUID organizationId, String serialNumber) {
        return bySerial("lower(u.serial_number) = lower(:serialNumber)", "u.id", organizationId, serialNumber, 1, 0);
    }

    /**
     * Every filter of {@link UnitFilter}, each passing when absent (an empty array, a null bound, false). Names are
     * compared lower-cased, as their unique indexes are. The run filters look at the unit's own runs only.
     */
    String LIST_FILTER = """
            (CAST(:f.searchPattern AS text) IS NULL OR u.serial_number ILIKE :f.searchPattern
                 OR pa.number ILIKE :f.searchPattern OR pa.name ILIKE :f.searchPattern OR b.number ILIKE :f.searchPattern)
            AND (cardinality(CAST(:f.ids AS text[])) = 0 OR u.id = ANY(CAST(:f.ids AS uuid[])))
            AND (cardinality(CAST(:f.serialNumbers AS text[])) = 0
                 OR lower(u.serial_number) = ANY(CAST(:f.serialNumbers AS text[])))
            AND (cardinality(CAST(:f.partNumbers AS text[])) = 0 OR lower(pa.number) = ANY(CAST(:f.partNumbers AS text[])))
            AND (cardinality(CAST(:f.revisionNumbers AS text[])) = 0
                 OR lower(rv.number) = ANY(CAST(:f.revisionNumbers AS text[])))
            AND (cardinality(CAST(:f.batchNumbers AS text[])) = 0 OR lower(b.number) = ANY(CAST(:f.batchNumbers AS text[])))
            AND (NOT :f.filtersRuns OR EXISTS (
                 SELECT 1 FROM runs r WHERE r.unit_id = u.id
                 AND (cardinality(CAST(:f.procedureIds AS text[])) = 0
                      OR r.procedure_id = ANY(CAST(:f.procedureIds AS uuid[])))
                 AND (cardinality(CAST(:f.outcomes AS text[])) = 0 OR r.outcome = ANY(CAST(:f.outcomes AS text[])))
                 AND (CAST(:f.startedAfter AS timestamptz) IS NULL
                      OR r.started_at >= CAST(:f.startedAfter AS timestamptz))
                 AND (CAST(:f.startedBefore AS timestamptz) IS NULL
                      OR r.started_at <= CAST(:f.startedBefore AS timestamptz))
                 AND (NOT :f.latestOnly OR r.id = (
                      SELECT l.id FROM runs l WHERE l.unit_id = u.id
                      AND (cardinality(CAST(:f.procedureIds AS text[])) = 0
                           OR l.procedure_id = ANY(CAST(:f.procedureIds AS uuid[])))
                      ORDER BY l.started_at DESC, l.id DESC LIMIT 1))))
            AND (CAST(:f.runCountMin AS int) IS NULL
                 OR (SELECT count(*) FROM runs c WHERE c.unit_id = u.id) >= CAST(:f.runCountMin AS int))
            AND (CAST(:f.runCountMax AS int) IS NULL
                 OR (SELECT count(*) FROM runs c WHERE c.unit_id = u.id) <= CAST(:f.runCountMax AS int))
            AND (CAST(:f.createdAfter AS timestamptz) IS NULL OR u.created_at >= CAST(:f.createdAfter AS timestamptz))
            AND (CAST(:f.createdBefore AS timestamptz) IS NULL OR u.created_at <= CAST(:f.createdBefore AS timestamptz))
            AND (cardinality(CAST(:f.createdByUserIds AS text[])) = 0 OR cu.id = ANY(CAST(:f.createdByUserIds AS uuid[])))
            AND (cardinality(CAST(:f.createdByStationIds AS text[])) = 0
                 OR cs.id = ANY(CAST(:f.createdByStationIds AS uuid[])))
            AND (NOT :f.excludeUnitsWithParent OR u.parent_unit_id IS NULL)
            """;

    @SqlQuery("units")
    @UseClasspathSqlLocator
    List<StoredUnit> byFilter(@Define("where") String where, @Define("order") String order, UUID organizationId,
            @BindMethods("f") UnitFilter filter, int limit, int offset);

    /** A page of the organization's units; {@code limit} one more than the page, to tell whether there is more. */
    default List<StoredUnit> list(UUID organizationId, UnitFilter filter, String order, int limit, int offset) {
        return byFilter(LIST_FILTER, order, organizationId, filter, limit, offset);
    }

    @SqlQuery("""
            SELECT c.parent_unit_id AS parent_id, c.id, c.serial_number, pa.id AS part_id, pa.number AS part_number,
                   pa.name AS part_name, rv.id AS revision_id, rv.number AS revision_number
            FROM units c
            JOIN revisions rv ON rv.id = c.revision_id
            JOIN parts pa ON pa.id = rv.part_id
            WHERE c.parent_unit_id = :unitId
            ORDER BY lower(c.serial_number), c.id
            """)
    List<StoredUnit.Child> children(UUID unitId);

    /** The first {@code perUnit} children of each unit, by serial, in one statement for a page (index units_parent). */
    @SqlQuery("""
            SELECT parent_id, id, serial_number, part_id, part_number, part_name, revision_id, revision_number FROM (
                SELECT c.parent_unit_id AS parent_id, c.id, c.serial_number, pa.id AS part_id, pa.number AS part_number,
                       pa.name AS part_name, rv.id AS revision_id, rv.number AS revision_number,
                       row_number() OVER (PARTITION BY c.parent_unit_id ORDER BY lower(c.serial_number), c.id) AS n
                FROM units c
                JOIN revisions rv ON rv.id = c.revision_id
                JOIN parts pa ON pa.id = rv.part_id
                WHERE c.parent_unit_id = ANY(CAST(:unitIds AS uuid[]))
            ) ranked
            WHERE n <= :perUnit
            ORDER BY parent_id, n
            """)
    List<StoredUnit.Child> childrenOf(String[] unitIds, int perUnit);
}
