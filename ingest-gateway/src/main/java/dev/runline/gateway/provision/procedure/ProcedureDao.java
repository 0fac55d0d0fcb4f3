package dev.runline.gateway.provision.procedure;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Procedures of one organization. */
@RegisterConstructorMapper(Procedure.class)
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

    @SqlQuery("""
            SELECT id, identifier, name, created_at FROM procedures
            WHERE organization_id = :organizationId
            ORDER BY created_at, lower(name)
            """)
    List<Procedure> list(UUID organizationId);
}
