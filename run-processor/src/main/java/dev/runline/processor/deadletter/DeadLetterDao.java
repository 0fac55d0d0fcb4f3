package dev.runline.processor.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Dead letters recorded from the dead-letter topic, their state, and the audit trail of what was done. */
@RegisterConstructorMapper(DeadLetter.class)
@RegisterConstructorMapper(DeadLetterDao.Action.class)
@RegisterConstructorMapper(DeadLetterDao.Count.class)
public interface DeadLetterDao {

    /** One entry of the audit trail. */
    record Action(long id, UUID deadLetterId, String action, String actor, String reason, String replayTopic,
            Integer replayPartition, Long replayOffset, Instant actedAt) {}

    /** Dead letters per state and error code. */
    record Count(String state, String errorCode, long count) {}

    String COLUMNS = """
            id, topic, partition, "offset", original_topic, original_partition, original_offset, original_timestamp,
            run_id, organization_id, procedure_id, error_code, error_message, stage, exception_class, attempts,
            record_key, record_value, record_headers::text AS record_headers_json, dead_lettered_at, state,
            state_changed_at
            """;

    /** Records a dead letter once: a dead letter delivered again (rebalance, restart) is a no-op. */
    @SqlUpdate("""
            INSERT INTO dead_letters (id, topic, partition, "offset", original_topic, original_partition, original_offset,
                                      original_timestamp, run_id, organization_id, procedure_id, error_code,
                                      error_message, stage, exception_class, attempts, record_key, record_value,
                                      record_headers, dead_lettered_at, state)
            VALUES (:id, :topic, :partition, :offset, :originalTopic, :originalPartition, :originalOffset,
                    :originalTimestamp, CAST(:runId AS uuid), CAST(:organizationId AS uuid), CAST(:procedureId AS uuid),
                    :errorCode, :errorMessage, :stage, :exceptionClass, :attempts, :recordKey, :recordValue,
                    CAST(:recordHeadersJson AS jsonb), :deadLetteredAt, :state)
            ON CONFLICT (topic, partition, "offset") DO NOTHING
            """)
    int insert(@BindMethods DeadLetter deadLetter);

    /**
     * Every placeholder is cast: a null filter field is bound without a type (as varchar), and
     * {@code uuid = varchar} does not exist in PostgreSQL.
     */
    @SqlQuery("SELECT " + COLUMNS + """
            FROM dead_letters
            WHERE (CAST(:state AS text) IS NULL OR state = CAST(:state AS text))
              AND (CAST(:code AS text) IS NULL OR error_code = CAST(:code AS text))
              AND (CAST(:organizationId AS uuid) IS NULL OR organization_id = CAST(:organizationId AS uuid))
              AND (CAST(:procedureId AS uuid) IS NULL OR procedure_id = CAST(:procedureId AS uuid))
              AND (CAST(:runId AS uuid) IS NULL OR run_id = CAST(:runId AS uuid))
              AND (CAST(:since AS timestamptz) IS NULL OR dead_lettered_at >= CAST(:since AS timestamptz))
              AND (CAST(:until AS timestamptz) IS NULL OR dead_lettered_at < CAST(:until AS timestamptz))
            ORDER BY dead_lettered_at, id
            LIMIT :limit
            """)
    List<DeadLetter> find(@BindMethods DeadLetterFilter filter);

    @SqlQuery("SELECT " + COLUMNS + " FROM dead_letters WHERE id = :id")
    Optional<DeadLetter> findById(UUID id);

    /** Ids as people type them: the first characters of the uuid, as {@code list} shows them. */
    @SqlQuery("SELECT id FROM dead_letters WHERE id::text LIKE :prefix || '%' LIMIT 2")
    List<UUID> idsStartingWith(String prefix);

    /** Moves an open dead letter to replayed or discarded; 0 when it was not open any more. */
    @SqlUpdate("""
            UPDATE dead_letters SET state = :state, state_changed_at = now() WHERE id = :id AND state = 'open'
            """)
    int closeOpen(UUID id, String state);

    @SqlUpdate("""
            INSERT INTO dead_letter_actions (dead_letter_id, action, actor, reason, replay_topic, replay_partition, replay_offset)
            VALUES (:deadLetterId, :action, :actor, :reason, :replayTopic, :replayPartition, :replayOffset)
            """)
    void insertAction(UUID deadLetterId, String action, String actor, String reason, String replayTopic,
            Integer replayPartition, Long replayOffset);

    /**
     * The newest {@code limit} entries of the audit trail, listed oldest first; of one dead letter, or of all
     * when {@code deadLetterId} is null.
     */
    @SqlQuery("""
            SELECT * FROM (
                SELECT id, dead_letter_id, action, actor, reason, replay_topic, replay_partition, replay_offset, acted_at
                FROM dead_letter_actions
                WHERE CAST(:deadLetterId AS uuid) IS NULL OR dead_letter_id = CAST(:deadLetterId AS uuid)
                ORDER BY acted_at DESC, id DESC
                LIMIT :limit
            ) newest
            ORDER BY acted_at, id
            """)
    List<Action> actions(UUID deadLetterId, int limit);

    @SqlQuery("""
            SELECT state, error_code, count(*) AS count FROM dead_letters GROUP BY state, error_code ORDER BY state, error_code
            """)
    List<Count> counts();
}
