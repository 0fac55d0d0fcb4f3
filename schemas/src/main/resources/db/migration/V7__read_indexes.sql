-- Indexes the read API needs at production volume (hundreds of thousands of runs, tens of millions of rows under
-- them), chosen with EXPLAIN ANALYZE on the benchmark's filled database (bench scenario reads). Writes pay for each
-- index on runs once per run, beside the ~75 rows of phases, measurements and logs a run brings with their own
-- indexes; units, revisions and batches are written far less often.

-- A unit's history newest first, and its first run: by unit, in time order. Replaces runs_unit (unit_id alone),
-- so the runs table keeps its number of indexes.
CREATE INDEX runs_unit_started ON runs (unit_id, started_at);
DROP INDEX runs_unit;

-- No index by outcome: runs.list binds outcomes as an array (outcome = ANY(...)), and on 300,000 runs PostgreSQL 18
-- still pages a part's failures through runs_org_started (newest first, ~20,000 index entries for a page of 50 at a 7%
-- failure rate, a few ms), so (organization_id, outcome, started_at) would only cost writes.

-- runs.list with sort_by=created_at (received_at): a page is the newest received, without sorting them all.
CREATE INDEX runs_org_received ON runs (organization_id, received_at);

-- runs.list filtered by part, revision or batch reaches the runs through their units: without these, each such
-- filter scans every unit.
CREATE INDEX units_revision ON units (revision_id);
CREATE INDEX units_batch ON units (batch_id) WHERE batch_id IS NOT NULL;
