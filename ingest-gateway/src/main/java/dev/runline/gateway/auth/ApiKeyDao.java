package dev.runline.gateway.auth;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads API keys by the hash of their secret. */
public interface ApiKeyDao {

    @SqlQuery("""
            SELECT k.id AS key_id, k.organization_id, k.user_id, k.station_id, u.role, k.expires_at, k.revoked_at
            FROM api_keys k
            LEFT JOIN users u ON u.id = k.user_id
            WHERE k.secret_sha256 = :sha256
            """)
    @RegisterConstructorMapper(StoredApiKey.class)
    Optional<StoredApiKey> findBySha256(byte[] sha256);
}
