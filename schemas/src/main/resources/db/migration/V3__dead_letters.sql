-- Dead letters: every record the processor wrote to the dead-letter topic, recorded here by the processor's
-- dead-letter recorder so that operations can query, replay and discard them. The topic stays the source of
-- truth (the recorder is idempotent by topic position); the row keeps the original key, value bytes and
-- headers, so a replay does not depend on the topic's retention.
CREATE TABLE dead_letters (
    id                  uuid PRIMARY KEY,
    -- Where the dead letter itself is: unique, so a redelivered dead letter is recorded once.
    topic               text        NOT NULL,
    partition           int         NOT NULL,
    "offset"            bigint      NOT NULL,
    -- Where the failed record came from.
    original_topic      text        NOT NULL,
    original_partition  int,
    original_offset     bigint,
    original_timestamp  timestamptz,
    -- Null when the record did not decode (its bytes are kept all the same).
    run_id              uuid,
    organization_id     uuid,
    procedure_id        uuid,
    -- The contract's error code (NOT_FOUND, BAD_REQUEST, ...), its message, the stage that failed
    -- (decode, resolve, store) and the exception class behind it.
    error_code          text        NOT NULL,
    error_message       text        NOT NULL,
    stage               text        NOT NULL,
    exception_class     text,
    -- How many times this run has been dead-lettered, this time included (a replay that fails again: 2, ...).
    attempts            int         NOT NULL,
    record_key          text,
    record_value        bytea,
    -- The original record's headers, without the dead-letter context: [{"name": ..., "value": base64}, ...].
    record_headers      jsonb       NOT NULL DEFAULT '[]',
    dead_lettered_at    timestamptz NOT NULL,
    state               text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'replayed', 'discarded')),
    state_changed_at    timestamptz,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dead_letters_position UNIQUE (topic, partition, "offset")
);
CREATE INDEX dead_letters_state ON dead_letters (state, dead_lettered_at);
CREATE INDEX dead_letters_run ON dead_letters (run_id, dead_lettered_at);
CREATE INDEX dead_letters_organization ON dead_letters (organization_id, dead_lettered_at);

-- The audit trail: who replayed or discarded which dead letter, when, and why.
CREATE TABLE dead_letter_actions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dead_letter_id  uuid        NOT NULL REFERENCES dead_letters (id),
    action          text        NOT NULL CHECK (action IN ('replayed', 'discarded')),
    actor           text        NOT NULL,
    reason          text,
    -- For a replay: where the broker acknowledged the replayed record.
    replay_topic     text,
    replay_partition int,
    replay_offset    bigint,
    acted_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letter_actions_dead_letter ON dead_letter_actions (dead_letter_id, acted_at);
