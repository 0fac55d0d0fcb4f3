package dev.runline.gateway.attachment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code uploads} table: one statement per method, always scoped to the caller's organization. */
@RegisterConstructorMapper(Upload.class)
public interface UploadDao {

    String COLUMNS = "id, organization_id, api_key_id, name, object_key, created_at, state, size, content_type, "
            + "run_id, imported_run_id, unit_id";

    @SqlUpdate("""
            INSERT INTO uploads (id, organization_id, api_key_id, name, object_key)
            VALUES (:id, :organizationId, :apiKeyId, :name, :objectKey)
            """)
    void insert(UUID id, UUID organizationId, UUID apiKeyId, String name, String objectKey);

    /** An import's inlined file, already in the store and linked to the import's run; a repeated import adds nothing. */
    @SqlUpdate("""
            INSERT INTO uploads (id, organization_id, api_key_id, name, object_key, state, size, content_type, stored_at,
                                 run_id, linked_at)
            VALUES (:id, :organizationId, :apiKeyId, :name, :objectKey, 'stored', :size, :contentType, now(), :runId, now())
            ON CONFLICT (id) DO NOTHING
            """)
    void insertLinked(UUID id, UUID organizationId, UUID apiKeyId, String name, String objectKey, long size,
            String contentType, UUID runId);

    @SqlQuery("SELECT " + COLUMNS + " FROM uploads WHERE id = :id AND organization_id = :organizationId")
    Optional<Upload> find(UUID organizationId, UUID id);

    /** Locks the row for a link or an import, so that two of them on one upload are decided one after the other. */
    @SqlQuery("SELECT " + COLUMNS + " FROM uploads WHERE id = :id AND organization_id = :organizationId FOR UPDATE")
    Optional<Upload> lock(UUID organizationId, UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM uploads WHERE id IN (<ids>) AND organization_id = :organizationId")
    List<Upload> findAll(UUID organizationId, @BindList("ids") List<UUID> ids);

    /**
     * Claims an upload for one PUT. A stored upload is never claimed (URLs are single-use); nor is one another PUT
     * is receiving, unless that PUT started before {@code staleBefore} (its gateway died mid-transfer).
     */
    @SqlQuery("""
            UPDATE uploads SET state = 'receiving', receiving_since = now()
            WHERE id = :id AND organization_id = :organizationId
              AND (state = 'initialized' OR (state = 'receiving' AND receiving_since < :staleBefore))
            RETURNING object_key
            """)
    Optional<String> claimForPut(UUID organizationId, UUID id, Instant staleBefore);

    /** A PUT that failed or stalled: the upload may be sent again. */
    @SqlUpdate("UPDATE uploads SET state = 'initialized', receiving_since = NULL WHERE id = :id AND state = 'receiving'")
    void releasePut(UUID id);

    @SqlUpdate("""
            UPDATE uploads SET state = 'stored', size = :size, content_type = :contentType, stored_at = now(),
                               receiving_since = NULL
            WHERE id = :id AND organization_id = :organizationId
            """)
    int markStored(UUID organizationId, UUID id, long size, String contentType);

    @SqlQuery("SELECT count(*) FROM uploads WHERE run_id = :runId AND organization_id = :organizationId")
    int countLinked(UUID organizationId, UUID runId);

    @SqlUpdate("UPDATE uploads SET run_id = :runId, linked_at = now() WHERE id = :id AND organization_id = :organizationId")
    int link(UUID organizationId, UUID id, UUID runId);

    @SqlQuery("SELECT count(*) FROM uploads WHERE unit_id = :unitId AND organization_id = :organizationId")
    int countLinkedToUnit(UUID organizationId, UUID unitId);

    @SqlUpdate("""
            UPDATE uploads SET unit_id = :unitId, linked_at = now()
            WHERE id = :id AND organization_id = :organizationId AND run_id IS NULL AND unit_id IS NULL
            """)
    int linkToUnit(UUID organizationId, UUID id, UUID unitId);

    /** Undoes links to a unit whose edit was not published or was refused: the uploads are free again. */
    @SqlUpdate("UPDATE uploads SET unit_id = NULL, linked_at = NULL WHERE id IN (<ids>) AND unit_id = :unitId")
    int unlinkFromUnit(@BindList("ids") List<UUID> ids, UUID unitId);

    /** Undoes a link whose event the broker did not take: the upload is free again, nothing is half-linked. */
    @SqlUpdate("UPDATE uploads SET run_id = NULL, linked_at = NULL WHERE id = :id AND run_id = :runId")
    int unlink(UUID id, UUID runId);

    @SqlUpdate("""
            UPDATE uploads SET imported_run_id = :runId, run_id = :runId, linked_at = now()
            WHERE id = :id AND organization_id = :organizationId
            """)
    int markImported(UUID organizationId, UUID id, UUID runId);

    @SqlUpdate("""
            DELETE FROM uploads WHERE id = :id AND organization_id = :organizationId AND run_id IS NULL AND unit_id IS NULL
            """)
    int deleteUnlinked(UUID organizationId, UUID id);

    /** Unlinked uploads older than {@code before}, locked and skipped by another gateway's clean-up running too. */
    @SqlQuery("""
            SELECT id, object_key FROM uploads
            WHERE run_id IS NULL AND unit_id IS NULL AND created_at < :before
            ORDER BY created_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
    @RegisterConstructorMapper(Expired.class)
    List<Expired> lockExpired(Instant before, int limit);

    @SqlUpdate("DELETE FROM uploads WHERE id IN (<ids>) AND run_id IS NULL AND unit_id IS NULL")
    int deleteAll(@BindList("ids") List<UUID> ids);

    @SqlQuery("SELECT organization_id FROM runs WHERE id = :runId")
    Optional<UUID> runOrganization(UUID runId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM dead_letters WHERE run_id = :runId AND organization_id = :organizationId)")
    boolean deadLettered(UUID organizationId, UUID runId);

    /**
     * Serializes the links to one run or unit (by its id), so that two concurrent links cannot both pass the
     * files-per-run limit.
     */
    @SqlQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(CAST(:ownerId AS text), 0))")
    int lockLinks(UUID ownerId);

    record Expired(UUID id, String objectKey) {}
}
