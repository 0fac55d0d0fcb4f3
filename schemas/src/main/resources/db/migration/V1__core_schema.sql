-- Runline core schema. Everything belongs to one organization; names that people type (serials, part,
-- revision, batch, procedure and station names, emails) are unique case-insensitively through lower()
-- indexes, and keep the spelling first seen. Resolution is INSERT ... ON CONFLICT DO NOTHING against
-- those indexes, then a select.

CREATE TABLE organizations (
    id                uuid PRIMARY KEY,
    name              text        NOT NULL,
    -- Serial -> part number: capture group 1 if the pattern has one, else the whole match.
    serial_part_regex text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

CREATE TABLE users (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    email           text        NOT NULL,
    name            text,
    role            text        NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (organization_id, lower(email));

CREATE TABLE stations (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX stations_name_key ON stations (organization_id, lower(name));

CREATE TABLE api_keys (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    user_id         uuid REFERENCES users (id),
    station_id      uuid REFERENCES stations (id),
    name            text        NOT NULL,
    -- The first characters of the key, shown to humans to tell keys apart; never enough to use it.
    prefix          text        NOT NULL,
    -- SHA-256 of the whole key. Keys are 256-bit random, so a fast hash is enough: there is nothing to brute-force.
    secret_sha256   bytea       NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    revoked_at      timestamptz,
    CONSTRAINT api_keys_one_owner CHECK ((user_id IS NULL) <> (station_id IS NULL))
);
CREATE INDEX api_keys_organization ON api_keys (organization_id);

CREATE TABLE procedures (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    -- Short human identifier, e.g. FVT1; v1 clients may name a procedure by it.
    identifier      text        NOT NULL,
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX procedures_name_key ON procedures (organization_id, lower(name));
CREATE UNIQUE INDEX procedures_identifier_key ON procedures (organization_id, lower(identifier));

CREATE TABLE procedure_versions (
    id           uuid PRIMARY KEY,
    procedure_id uuid        NOT NULL REFERENCES procedures (id),
    tag          text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX procedure_versions_tag_key ON procedure_versions (procedure_id, lower(tag));

CREATE TABLE station_procedures (
    station_id   uuid NOT NULL REFERENCES stations (id),
    procedure_id uuid NOT NULL REFERENCES procedures (id),
    PRIMARY KEY (station_id, procedure_id)
);

CREATE TABLE parts (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    number          text        NOT NULL,
    name            text        NOT NULL DEFAULT 'New Part',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX parts_number_key ON parts (organization_id, lower(number));

CREATE TABLE revisions (
    id         uuid PRIMARY KEY,
    part_id    uuid        NOT NULL REFERENCES parts (id),
    number     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX revisions_number_key ON revisions (part_id, lower(number));

CREATE TABLE batches (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    number          text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX batches_number_key ON batches (organization_id, lower(number));

CREATE TABLE units (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    serial_number   text        NOT NULL,
    revision_id     uuid        NOT NULL REFERENCES revisions (id),
    batch_id        uuid REFERENCES batches (id),
    -- A unit has at most one parent; linking it as another unit's sub-unit moves it.
    parent_unit_id  uuid REFERENCES units (id),
    metadata        jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX units_serial_key ON units (organization_id, lower(serial_number));
CREATE INDEX units_parent ON units (parent_unit_id) WHERE parent_unit_id IS NOT NULL;

CREATE TABLE runs (
    id                   uuid PRIMARY KEY,
    organization_id      uuid        NOT NULL REFERENCES organizations (id),
    procedure_id         uuid        NOT NULL REFERENCES procedures (id),
    procedure_version_id uuid REFERENCES procedure_versions (id),
    unit_id              uuid        NOT NULL REFERENCES units (id),
    outcome              text        NOT NULL,
    started_at           timestamptz NOT NULL,
    ended_at             timestamptz NOT NULL,
    operator_user_id     uuid REFERENCES users (id),
    api_key_id           uuid        NOT NULL REFERENCES api_keys (id),
    station_id           uuid REFERENCES stations (id),
    docstring            text,
    metadata             jsonb       NOT NULL DEFAULT '{}',
    api_version          text        NOT NULL,
    client               text,
    client_version       text,
    idempotency_key      text,
    received_at          timestamptz NOT NULL,
    stored_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX runs_org_started ON runs (organization_id, started_at);
CREATE INDEX runs_unit ON runs (unit_id);
CREATE INDEX runs_procedure ON runs (procedure_id, started_at);

-- The sub-units a run linked, as sent (units.parent_unit_id holds the current tree).
CREATE TABLE run_sub_units (
    run_id  uuid NOT NULL REFERENCES runs (id),
    unit_id uuid NOT NULL REFERENCES units (id),
    PRIMARY KEY (run_id, unit_id)
);

CREATE TABLE phases (
    id          uuid PRIMARY KEY,
    run_id      uuid        NOT NULL REFERENCES runs (id),
    position    int         NOT NULL,
    name        text        NOT NULL,
    outcome     text        NOT NULL,
    started_at  timestamptz,
    ended_at    timestamptz,
    retry_count int         NOT NULL DEFAULT 0,
    docstring   text
);
CREATE INDEX phases_run ON phases (run_id);

CREATE TABLE measurements (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phase_id      uuid NOT NULL REFERENCES phases (id),
    position      int  NOT NULL,
    name          text NOT NULL,
    outcome       text NOT NULL,
    -- Exactly one of the value columns is set (or none, for a null value): numbers stay numbers so that
    -- one measurement name can be aggregated across runs; structured values are kept whole.
    value_number  double precision,
    value_string  text,
    value_boolean boolean,
    value_json    jsonb,
    units         jsonb,
    validators    jsonb,
    aggregations  jsonb,
    x_axis        jsonb,
    y_axis        jsonb,
    docstring     text
);
CREATE INDEX measurements_phase ON measurements (phase_id);
CREATE INDEX measurements_name ON measurements (name);

CREATE TABLE logs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      uuid NOT NULL REFERENCES runs (id),
    position    int  NOT NULL,
    level       text NOT NULL,
    logged_at   timestamptz,
    message     text NOT NULL,
    source_file text NOT NULL,
    line_number int
);
CREATE INDEX logs_run ON logs (run_id);
