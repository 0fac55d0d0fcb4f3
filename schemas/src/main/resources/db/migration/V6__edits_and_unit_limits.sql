-- Edits of stored runs and units (runs deleted, sub-units added or removed, a unit's fields changed). The gateway
-- publishes each on the runs topic, in order with the runs of its unit; the processor applies it and records its
-- outcome here in the same transaction, so a redelivered edit is seen as done, and the gateway answers from it.
CREATE TABLE edits (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    kind            text        NOT NULL,
    -- applied, or refused: the edit was read and cannot apply to what is stored (a cycle, a unit gone meanwhile).
    outcome         text        NOT NULL CHECK (outcome IN ('applied', 'refused')),
    error_code      text,
    message         text,
    -- What the caller is answered: the ids deleted, the unit changed.
    result          jsonb       NOT NULL DEFAULT '{}',
    requested_at    timestamptz NOT NULL,
    applied_at      timestamptz NOT NULL DEFAULT now()
);
-- Retention sweeps by age.
CREATE INDEX edits_applied ON edits (applied_at);

-- A unit keeps at most 50 metadata keys as stored, not only per run: runs merge their unit_metadata into it, so a
-- run may add keys to a unit that has many. A run that would pass the limit is refused by the database (23514) and
-- dead-lettered with the constraint's name. NOT VALID: units stored before this limit are not rewritten.
CREATE FUNCTION jsonb_key_count(value jsonb) RETURNS int
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT count(*) FROM jsonb_object_keys(value));
ALTER TABLE units ADD CONSTRAINT units_metadata_at_most_50_keys CHECK (jsonb_key_count(metadata) <= 50) NOT VALID;
