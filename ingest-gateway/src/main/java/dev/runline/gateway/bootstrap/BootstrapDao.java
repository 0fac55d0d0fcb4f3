package dev.runline.gateway.bootstrap;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The rows the bootstrap gets or creates. Creates are {@code ON CONFLICT DO NOTHING} followed by a read,
 * so two bootstraps racing (two deployment jobs) end with one organization and one admin, not an error.
 */
interface BootstrapDao {

    record ExistingUser(UUID id, String role) {}

    /** Whether the migrations ran: the processor applies them at start-up, the bootstrap never does. */
    @SqlQuery("""
            SELECT to_regclass('organizations') IS NOT NULL
               AND to_regclass('users') IS NOT NULL
               AND to_regclass('api_keys') IS NOT NULL
            """)
    boolean schemaPresent();

    /** 1 if created, 0 if an organization of that name (in any case) exists. */
    @SqlUpdate("""
            INSERT INTO organizations (id, name) VALUES (:id, :name)
            ON CONFLICT DO NOTHING
            """)
    int insertOrganization(UUID id, String name);

    @SqlQuery("""
            SELECT id FROM organizations WHERE lower(name) = lower(:name)
            """)
    Optional<UUID> organizationByName(String name);

    /** 1 if created, 0 if the organization has a user with that email (in any case). */
    @SqlUpdate("""
            INSERT INTO users (id, organization_id, email, name, role) VALUES (:id, :organizationId, :email, :name, 'admin')
            ON CONFLICT DO NOTHING
            """)
    int insertAdmin(UUID id, UUID organizationId, String email, String name);

    @SqlQuery("""
            SELECT id, role FROM users WHERE organization_id = :organizationId AND lower(email) = lower(:email)
            """)
    @RegisterConstructorMapper(ExistingUser.class)
    Optional<ExistingUser> userByEmail(UUID organizationId, String email);

    /** Whether a key works now and acts as that user of that organization. */
    @SqlQuery("""
            SELECT EXISTS (
                SELECT 1 FROM api_keys
                WHERE secret_sha256 = :sha256 AND organization_id = :organizationId AND user_id = :userId
                  AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()))
            """)
    boolean userKeyWorks(byte[] sha256, UUID organizationId, UUID userId);

    @SqlUpdate("""
            INSERT INTO api_keys (id, organization_id, user_id, name, prefix, secret_sha256)
            VALUES (:id, :organizationId, :userId, :name, :prefix, :sha256)
            """)
    void insertUserKey(UUID id, UUID organizationId, UUID userId, String name, String prefix, byte[] sha256);
}
