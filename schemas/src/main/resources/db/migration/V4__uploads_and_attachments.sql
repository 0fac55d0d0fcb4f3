-- Files attached to runs. The bytes live in the object store (S3 API) under object_key, never in PostgreSQL or
-- Kafka; these tables hold what is needed to find, link, list and clean them up.

-- Every upload a station starts (v1 uploads/initialize, v2 POST /attachments, an OpenHTF import's inlined files).
-- Owned by the gateway: it is the upload's lifecycle, not the run's data.
CREATE TABLE uploads (
    id                uuid PRIMARY KEY,
    organization_id   uuid        NOT NULL REFERENCES organizations (id),
    api_key_id        uuid        NOT NULL REFERENCES api_keys (id),
    name              text        NOT NULL,
    object_key        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    -- initialized -> receiving (a PUT is streaming it to the store) -> stored. A PUT that fails or stalls goes back
    -- to initialized, so the station may send it again while its URL is valid; a stored upload is never overwritten.
    state             text        NOT NULL DEFAULT 'initialized' CHECK (state IN ('initialized', 'receiving', 'stored')),
    receiving_since   timestamptz,
    size              bigint,
    content_type      text,
    stored_at         timestamptz,
    -- The run it is (being) linked to, claimed before the link is published: an upload belongs to one run, and
    -- linking it again to the same run is the same attachment.
    run_id            uuid,
    linked_at         timestamptz,
    -- The run an OpenHTF import of this upload created: importing the same upload again answers the same run.
    imported_run_id   uuid
);
-- The clean-up of uploads never linked to a run scans by age.
CREATE INDEX uploads_unlinked ON uploads (created_at) WHERE run_id IS NULL;
-- Files per run are counted (and bounded) when one more is linked.
CREATE INDEX uploads_run ON uploads (run_id) WHERE run_id IS NOT NULL;

-- A run's attachments, as the processor stored them from the run event (an import's report and inlined files)
-- or from an AttachmentLinked event. Readers join it to runs by run_id and organization_id.
CREATE TABLE attachments (
    -- The upload's id: a link delivered twice is one attachment.
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    -- No foreign key to runs: a station links its files right after the run was acknowledged, and the link may be
    -- stored before the run itself is. The organization check is the reader's join.
    run_id          uuid        NOT NULL,
    name            text        NOT NULL,
    object_key      text        NOT NULL,
    size            bigint      NOT NULL,
    content_type    text,
    is_report       boolean     NOT NULL DEFAULT false,
    linked_at       timestamptz NOT NULL,
    stored_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_run ON attachments (run_id);
