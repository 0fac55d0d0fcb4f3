package dev.runline.processor.persist;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.BatchChunkSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/** Writes {@code attachments}. */
public interface AttachmentDao {

    /** The upload id is the key: a link or a run delivered again is the same attachment, skipped. */
    @SqlBatch("""
            INSERT INTO attachments (id, organization_id, run_id, name, object_key, size, content_type, is_report, linked_at)
            VALUES (:id, :organizationId, :runId, :name, :objectKey, :size, :contentType, :isReport, :linkedAt)
            ON CONFLICT (id) DO NOTHING
            """)
    @BatchChunkSize(RunDao.CHUNK)
    int[] insert(@BindMethods List<AttachmentRow> attachments);
}
