package dev.runline.gateway.attachment;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes uploads never linked to a run once they are older than {@code unlinked-retention}: their bytes
 * first, then their rows, a bounded batch at a time. Rows are locked with SKIP LOCKED, so several gateway
 * instances clean side by side without deleting one file twice or waiting on each other.
 */
@Component
public class UnlinkedUploadCleaner {

    private static final Logger log = LoggerFactory.getLogger(UnlinkedUploadCleaner.class);
    private static final int BATCH = 200;

    private final Jdbi jdbi;
    private final ObjectStore store;
    private final UploadProperties properties;
    private final Clock clock;

    public UnlinkedUploadCleaner(Jdbi jdbi, ObjectStore store, UploadProperties properties, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${runline.gateway.uploads.cleanup-interval:5m}",
            initialDelayString = "${runline.gateway.uploads.cleanup-interval:5m}")
    void scheduled() {
        try {
            cleanUp();
        } catch (RuntimeException e) {
            // The database or the store is away: the next round tries again; nothing is lost by waiting.
            log.warn("event=upload_cleanup_failed error=\"{}\"", e.toString());
        }
    }

    /** @return how many uploads were deleted */
    public int cleanUp() {
        int deleted = 0;
        int batch;
        do {
            batch = jdbi.inTransaction(handle -> {
                UploadDao dao = handle.attach(UploadDao.class);
                List<UploadDao.Expired> expired = dao.lockExpired(clock.instant().minus(properties.unlinkedRetention()), BATCH);
                for (UploadDao.Expired upload : expired) {
                    store.delete(upload.objectKey());
                }
                return expired.isEmpty() ? 0 : dao.deleteAll(expired.stream().map(UploadDao.Expired::id).toList());
            });
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.info("event=unlinked_uploads_deleted count={} older_than={}", deleted, properties.unlinkedRetention());
        }
        return deleted;
    }
}
