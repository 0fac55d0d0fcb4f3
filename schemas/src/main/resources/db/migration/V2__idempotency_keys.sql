-- Idempotency-Key (contract §8): the first request with a key in an organization reserves it for one run
-- id; a retry with the same body gets the same id (and its run is published again under that id, which the
-- processor stores at most once); a different body gets 409. Kept without expiry, so that a retry a week
-- later still finds its run.
CREATE TABLE idempotency_keys (
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    idempotency_key text        NOT NULL,
    -- SHA-256 of the API version and the request body as sent.
    request_sha256  bytea       NOT NULL,
    run_id          uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, idempotency_key)
);
