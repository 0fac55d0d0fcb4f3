package dev.runline.gateway.provision.member;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Users of one organization. */
@RegisterConstructorMapper(Member.class)
public interface MemberDao {

    /** 0 when the organization already has a user with that email (case-insensitively). */
    @SqlUpdate("""
            INSERT INTO users (id, organization_id, email, name, role) VALUES (:id, :organizationId, :email, :name, :role)
            ON CONFLICT DO NOTHING
            """)
    int insert(UUID id, UUID organizationId, String email, String name, String role);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM users WHERE organization_id = :organizationId AND id = :id)
            """)
    boolean exists(UUID organizationId, UUID id);

    @SqlQuery("""
            SELECT id, email, name, role, created_at FROM users WHERE organization_id = :organizationId AND id = :id
            """)
    Optional<Member> find(UUID organizationId, UUID id);

    @SqlQuery("""
            SELECT id, email, name, role, created_at FROM users WHERE organization_id = :organizationId
            ORDER BY created_at, lower(email)
            """)
    List<Member> list(UUID organizationId);

    /**
     * Serialises role changes within one organization, so that two admins demoting each other at the same
     * time cannot both succeed and leave it without one. {@code NO KEY UPDATE}, not {@code UPDATE}: it must
     * not block the inserts that reference the organization (runs, units), which take {@code KEY SHARE}.
     */
    @SqlQuery("""
            SELECT id FROM organizations WHERE id = :organizationId FOR NO KEY UPDATE
            """)
    Optional<UUID> lockRoles(UUID organizationId);

    @SqlUpdate("""
            UPDATE users SET role = :role WHERE organization_id = :organizationId AND id = :id
            """)
    int updateRole(UUID organizationId, UUID id, String role);

    @SqlQuery("""
            SELECT count(*) FROM users WHERE organization_id = :organizationId AND role = 'admin'
            """)
    int countAdmins(UUID organizationId);
}
