package dev.runline.gateway.run;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reservations of Idempotency-Key values: which run a key stands for, and for which request. */
@RegisterConstructorMapper(IdempotencyKeyDao.Reservation.class)
public interface IdempotencyKeyDao {

    record Reservation(UUID runId, byte[] requestSha256) {}

    /** Reserves the key for this run; 0 when the key was reserved before (by this request or another). */
    @SqlUpdate("""
            INSERT INTO idempotency_keys (organization_id, idempotency_key, request_sha256, run_id)
            VALUES (:organizationId, :idempotencyKey, :requestSha256, :runId)
            ON CONFLICT (organization_id, idempotency_key) DO NOTHING
            """)
    int reserve(UUID organizationId, String idempotencyKey, byte[] requestSha256, UUID runId);

    @SqlQuery("""
            SELECT run_id, request_sha256 FROM idempotency_keys
            WHERE organization_id = :organizationId AND idempotency_key = :idempotencyKey
            """)
    Optional<Reservation> find(UUID organizationId, String idempotencyKey);
}
