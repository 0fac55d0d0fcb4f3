package dev.runline.gateway.provision.procedure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Procedures of one organization. */
@RegisterConstructorMapper(Procedure.class)
@RegisterConstructorMapper(ListedProcedure.RecentRun.class)
public interface ProcedureDao {

    /**
     * 0 when the name or the identifier is already used in the organization (both are unique there,
     * case-insensitively): the caller asks which, rather than catching a unique violation.
     */
    @SqlUpdate("""
            INSERT INTO procedures (id, organization_id, identifier, name)
            VALUES (:id, :organizationId, :identifier, :name)
            ON CONFLICT DO NOTHING
            """)
    int insert(UUID id, UUID organizationId, String identifier, String name);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM procedures WHERE organization_id = :organizationId AND lower(name) = lower(:name))
            """)
    boolean nameTaken(UUID organizationId, String name);

    /** The identifiers a derived one must avoid. {@code stem} holds letters and digits only: no LIKE wildcards. */
    @SqlQuery("""
            SELECT identifier FROM procedures
            WHERE organization_id = :organizationId AND lower(identifier) LIKE lower(:stem) || '%'
            """)
    List<String> identifiersStartingWith(UUID organizationId, String stem);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM procedures WHERE organization_id = :organizationId AND id = :id)
            """)
    boolean exists(UUID organizationId, UUID id);

    /**
     * One page of the list, {@code limit} rows from {@code offset}, oldest first: a procedure created while a
     * client pages through goes at the end, so it never shifts the pages still to come. {@code search} is a
     * lower-case {@code LIKE} pattern over the name and the identifier, or null; the creation bounds are
     * inclusive, each null when absent.
     */
    @SqlQuery("""
            SELECT id, identifier, name, created_at FROM procedures
            WHERE organization_id = :organizationId
              AND (CAST(:search AS text) IS NULL
                   OR lower(name) LIKE :search ESCAPE '!' OR lower(identifier) LIKE :search ESCAPE '!')
              AND (CAST(:createdAfter AS timestamptz) IS NULL OR created_at >= :createdAfter)
              AND (CAST(:createdBefore AS timestamptz) IS NULL OR created_at <= :createdBefore)
            ORDER BY created_at, id
            LIMIT :limit OFFSET :offset
            """)
    List<Procedure> page(UUID organizationId, String search, Instant createdAfter, Instant createdBefore, int limit,
            int offset);

    /**
     * The {@code perProcedure} latest runs of each procedure, newest first, read through the
     * {@code (procedure_id, started_at)} index. Only the outcomes the v2 client knows are read.
     */
    @SqlQuery("""
            SELECT r.procedure_id, r.id, r.outcome, r.started_at, r.unit_id
            FROM procedures p
            CROSS JOIN LATERAL (
                SELECT id, procedure_id, outcome, started_at, unit_id FROM runs
                WHERE procedure_id = p.id AND organization_id = :organizationId
                  AND outcome IN ('PASS', 'FAIL', 'ERROR', 'TIMEOUT', 'ABORTED')
                ORDER BY started_at DESC, id
                LIMIT :perProcedure) r
            WHERE p.organization_id = :organizationId AND p.id IN (<procedureIds>)
            ORDER BY r.procedure_id, r.started_at DESC, r.id
            """)
    List<ListedProcedure.RecentRun> recentRuns(UUID organizationId, @BindList("procedureIds") List<UUID> procedureIds,
            int perProcedure);
}
