-- Records of the runs topic that wait for a sub-unit, so that their partition moves on at once (issue #14).
-- A run naming a sub-unit that does not exist yet parks here; so does every later run and edit of the same unit
-- (the same record key): they must not overtake it. The processor re-checks the oldest record of each unit key
-- every sub-unit-retry-interval and stores it as soon as its sub-units exist, or dead-letters it as NOT_FOUND
-- once its deadline has passed; the records behind it follow in seq order. Parking is written in the same
-- transaction as the rest of its batch, before the batch's offsets are committed.
CREATE TABLE parked_records (
    -- The run id or edit id: a redelivered record parks once.
    id               uuid        PRIMARY KEY,
    -- Parking order: within a unit key, records are released in this order.
    seq              bigserial   NOT NULL UNIQUE,
    kind             text        NOT NULL CHECK (kind IN ('run', 'edit')),
    organization_id  uuid        NOT NULL,
    -- The Kafka record key (organization / case-folded serial).
    unit_key         text        NOT NULL,
    -- The record's value: Avro single-object bytes of the RunAccepted or EditRequested.
    payload          bytea       NOT NULL,
    -- Where the record was on the runs topic, its timestamp and headers: what its dead letter, if any, carries.
    topic            text        NOT NULL,
    partition        int         NOT NULL,
    "offset"         bigint      NOT NULL,
    record_timestamp bigint      NOT NULL,
    record_headers   jsonb       NOT NULL DEFAULT '[]',
    -- Why it waits: the sub-unit it misses, or that an earlier record of its unit is parked.
    reason           text        NOT NULL,
    parked_at        timestamptz NOT NULL DEFAULT now(),
    check_after      timestamptz NOT NULL,
    -- After this, a run whose sub-unit still does not exist is dead-lettered as NOT_FOUND.
    deadline         timestamptz NOT NULL
);
CREATE INDEX parked_records_unit ON parked_records (unit_key, seq);
CREATE INDEX parked_records_due ON parked_records (check_after);
