package dev.runline.gateway.provision.key;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API keys of one organization, as administered (the gateway's lookup by secret is {@code ApiKeyDao}). */
@RegisterConstructorMapper(ListedKey.class)
public interface KeyDao {

    /** One of the owners is null, and Jdbi binds a null UUID as a varchar: hence the casts. */
    @SqlUpdate("""
            INSERT INTO api_keys (id, organization_id, user_id, station_id, name, prefix, secret_sha256, expires_at)
            VALUES (:id, :organizationId, CAST(:userId AS uuid), CAST(:stationId AS uuid), :name, :prefix, :sha256,
                    :expiresAt)
            """)
    void insert(UUID id, UUID organizationId, UUID userId, UUID stationId, String name, String prefix, byte[] sha256,
            Instant expiresAt);

    @SqlQuery("""
            SELECT id, name, prefix, user_id, station_id, created_at, expires_at, revoked_at FROM api_keys
            WHERE organization_id = :organizationId
            ORDER BY created_at, id
            """)
    List<ListedKey> list(UUID organizationId);

    @SqlQuery("""
            SELECT id, name, prefix, user_id, station_id, created_at, expires_at, revoked_at FROM api_keys
            WHERE organization_id = :organizationId AND id = :id
            """)
    Optional<ListedKey> find(UUID organizationId, UUID id);

    /** Only a key not yet revoked: revoking twice keeps the first time. */
    @SqlUpdate("""
            UPDATE api_keys SET revoked_at = :now
            WHERE organization_id = :organizationId AND id = :id AND revoked_at IS NULL
            """)
    int revoke(UUID organizationId, UUID id, Instant now);
}
