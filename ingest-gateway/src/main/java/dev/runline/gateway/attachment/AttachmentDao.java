package dev.runline.gateway.attachment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads the {@code attachments} the processor stored. Scoped to the caller's organization: a link made with
 * another organization's run id never shows on that run.
 */
@RegisterConstructorMapper(StoredAttachment.class)
public interface AttachmentDao {

    @SqlQuery("""
            SELECT id, organization_id, run_id, name, object_key, size, content_type, is_report FROM attachments
            WHERE run_id = :runId AND organization_id = :organizationId
            ORDER BY is_report DESC, linked_at, name
            """)
    List<StoredAttachment> ofRun(UUID organizationId, UUID runId);

    /** Files attached to the unit itself (v2 {@code units.update}), not to one of its runs. */
    @SqlQuery("""
            SELECT id, organization_id, run_id, name, object_key, size, content_type, is_report FROM attachments
            WHERE unit_id = :unitId AND organization_id = :organizationId
            ORDER BY linked_at, name
            """)
    List<StoredAttachment> ofUnit(UUID organizationId, UUID unitId);

    @SqlQuery("""
            SELECT id, organization_id, run_id, name, object_key, size, content_type, is_report FROM attachments
            WHERE id = :id AND organization_id = :organizationId
            """)
    Optional<StoredAttachment> find(UUID organizationId, UUID id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM runs WHERE id = :runId AND organization_id = :organizationId)")
    boolean runExists(UUID organizationId, UUID runId);
}
