-- Files attached to a unit rather than to one of its runs (v2 units.update "attachments"): a label photo, a
-- calibration certificate. An upload belongs to one run or one unit; the gateway claims it for the unit before
-- it publishes the unit's edit, and the processor stores the attachment when it applies the edit.
ALTER TABLE uploads ADD COLUMN unit_id uuid;
DROP INDEX uploads_unlinked;
CREATE INDEX uploads_unlinked ON uploads (created_at) WHERE run_id IS NULL AND unit_id IS NULL;
CREATE INDEX uploads_unit ON uploads (unit_id) WHERE unit_id IS NOT NULL;

ALTER TABLE attachments ALTER COLUMN run_id DROP NOT NULL;
-- A unit is stored before any edit of it is applied, so this one may have a foreign key.
ALTER TABLE attachments ADD COLUMN unit_id uuid REFERENCES units (id);
ALTER TABLE attachments ADD CONSTRAINT attachments_of_run_or_unit CHECK ((run_id IS NULL) <> (unit_id IS NULL));
CREATE INDEX attachments_unit ON attachments (unit_id) WHERE unit_id IS NOT NULL;
