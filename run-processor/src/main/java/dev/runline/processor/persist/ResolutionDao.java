package dev.runline.processor.persist;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Get-or-create of the entities a run refers to: each {@code insert*} is one multi-row
 * {@code INSERT ... ON CONFLICT DO NOTHING} in the caller's (sorted) order, each {@code find*} one bulk
 * select of the ids. Never an upsert that updates: a no-op update still locks the hot row (a part every
 * run of a line shares) and makes concurrent consumers wait on each other.
 */
@RegisterConstructorMapper(ResolvedName.class)
public interface ResolutionDao {

    @SqlUpdate("""
            INSERT INTO parts (id, organization_id, number, name)
            SELECT id, organization_id, number, name
            FROM unnest(:ids, :organizationIds, :numbers, :names) WITH ORDINALITY AS t(id, organization_id, number, name, ord)
            ORDER BY ord
            ON CONFLICT (organization_id, lower(number)) DO NOTHING
            """)
    void insertParts(UUID[] ids, UUID[] organizationIds, String[] numbers, String[] names);

    @SqlQuery("""
            SELECT p.id, p.organization_id AS scope, lower(p.number) AS folded
            FROM parts p
            JOIN unnest(:scopes, :folded) AS k(scope, folded)
              ON p.organization_id = k.scope AND lower(p.number) = k.folded
            """)
    List<ResolvedName> findParts(UUID[] scopes, String[] folded);

    @SqlUpdate("""
            INSERT INTO revisions (id, part_id, number)
            SELECT id, part_id, number
            FROM unnest(:ids, :partIds, :numbers) WITH ORDINALITY AS t(id, part_id, number, ord)
            ORDER BY ord
            ON CONFLICT (part_id, lower(number)) DO NOTHING
            """)
    void insertRevisions(UUID[] ids, UUID[] partIds, String[] numbers);

    @SqlQuery("""
            SELECT r.id, r.part_id AS scope, lower(r.number) AS folded
            FROM revisions r
            JOIN unnest(:scopes, :folded) AS k(scope, folded)
              ON r.part_id = k.scope AND lower(r.number) = k.folded
            """)
    List<ResolvedName> findRevisions(UUID[] scopes, String[] folded);

    @SqlUpdate("""
            INSERT INTO batches (id, organization_id, number)
            SELECT id, organization_id, number
            FROM unnest(:ids, :organizationIds, :numbers) WITH ORDINALITY AS t(id, organization_id, number, ord)
            ORDER BY ord
            ON CONFLICT (organization_id, lower(number)) DO NOTHING
            """)
    void insertBatches(UUID[] ids, UUID[] organizationIds, String[] numbers);

    @SqlQuery("""
            SELECT b.id, b.organization_id AS scope, lower(b.number) AS folded
            FROM batches b
            JOIN unnest(:scopes, :folded) AS k(scope, folded)
              ON b.organization_id = k.scope AND lower(b.number) = k.folded
            """)
    List<ResolvedName> findBatches(UUID[] scopes, String[] folded);

    @SqlUpdate("""
            INSERT INTO units (id, organization_id, serial_number, revision_id, batch_id)
            SELECT id, organization_id, serial_number, revision_id, batch_id
            FROM unnest(:ids, :organizationIds, :serialNumbers, :revisionIds, :batchIds)
                 WITH ORDINALITY AS t(id, organization_id, serial_number, revision_id, batch_id, ord)
            ORDER BY ord
            ON CONFLICT (organization_id, lower(serial_number)) DO NOTHING
            """)
    void insertUnits(UUID[] ids, UUID[] organizationIds, String[] serialNumbers, UUID[] revisionIds, UUID[] batchIds);

    @SqlQuery("""
            SELECT u.id, u.organization_id AS scope, lower(u.serial_number) AS folded
            FROM units u
            JOIN unnest(:scopes, :folded) AS k(scope, folded)
              ON u.organization_id = k.scope AND lower(u.serial_number) = k.folded
            """)
    List<ResolvedName> findUnits(UUID[] scopes, String[] folded);

    @SqlUpdate("""
            INSERT INTO procedure_versions (id, procedure_id, tag)
            SELECT id, procedure_id, tag
            FROM unnest(:ids, :procedureIds, :tags) WITH ORDINALITY AS t(id, procedure_id, tag, ord)
            ORDER BY ord
            ON CONFLICT (procedure_id, lower(tag)) DO NOTHING
            """)
    void insertVersions(UUID[] ids, UUID[] procedureIds, String[] tags);

    @SqlQuery("""
            SELECT v.id, v.procedure_id AS scope, lower(v.tag) AS folded
            FROM procedure_versions v
            JOIN unnest(:scopes, :folded) AS k(scope, folded)
              ON v.procedure_id = k.scope AND lower(v.tag) = k.folded
            """)
    List<ResolvedName> findVersions(UUID[] scopes, String[] folded);

    /** The procedures among those named that exist in the given organization (scope = organization). */
    @SqlQuery("""
            SELECT p.id, p.organization_id AS scope, lower(p.id::text) AS folded
            FROM procedures p
            JOIN unnest(:organizationIds, :procedureIds) AS k(organization_id, id)
              ON p.id = k.id AND p.organization_id = k.organization_id
            """)
    List<ResolvedName> findProcedures(UUID[] organizationIds, UUID[] procedureIds);

    /**
     * Members by email as sent, compared with PostgreSQL's own lower() on both sides (its folding of
     * non-ASCII letters may differ from Java's); {@code folded} returns the email as sent.
     */
    @SqlQuery("""
            SELECT m.id, m.organization_id AS scope, k.email AS folded
            FROM users m
            JOIN unnest(:scopes, :emails) AS k(scope, email)
              ON m.organization_id = k.scope AND lower(m.email) = lower(k.email)
            """)
    List<ResolvedName> findMembers(UUID[] scopes, String[] emails);

    /** Locks units about to change, in id order (see RunWriter#updateUnits). */
    @SqlQuery("""
            SELECT id FROM units WHERE id = ANY(:ids) ORDER BY id FOR NO KEY UPDATE
            """)
    List<UUID> lockUnits(UUID[] ids);

    /**
     * The unit's ancestors as stored now (this transaction's links included), nearest first; UNION (not ALL)
     * ends the walk even on a tree that already loops.
     */
    @SqlQuery("""
            WITH RECURSIVE up(id) AS (
                SELECT parent_unit_id FROM units WHERE id = :unitId AND parent_unit_id IS NOT NULL
                UNION
                SELECT u.parent_unit_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_unit_id IS NOT NULL
            )
            SELECT id FROM up
            """)
    List<UUID> ancestors(UUID unitId);

    /** A unit has one parent: linking it as another unit's sub-unit moves it. */
    @SqlUpdate("""
            UPDATE units SET parent_unit_id = :parentId WHERE id = ANY(:childIds) AND id <> :parentId
            """)
    int linkSubUnits(UUID parentId, UUID[] childIds);

    /** Keys sent are set, keys not sent are kept. */
    @SqlUpdate("""
            UPDATE units SET metadata = metadata || CAST(:metadataJson AS jsonb) WHERE id = :unitId
            """)
    int mergeUnitMetadata(UUID unitId, String metadataJson);
}
