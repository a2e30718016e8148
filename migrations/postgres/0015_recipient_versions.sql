-- PostgreSQL port of migrations/0015_recipient_versions.sql (mapping rules: README.md).
--
-- Rectification (GDPR art. 16; DESIGN invariant 8): a recipient's name, contact and next of
-- kin change by new versions, never by overwrite. `recipients.version` counts the versions and
-- `recipients` holds the newest; recipient_versions keeps every version's name and contact,
-- sealed under the recipient's data key and bound to the row `<recipient>@<version>`. A
-- recipient registered before this migration gets its first row when it is first changed (SQL
-- cannot re-seal). Next of kin are never deleted: a removed one keeps its row, marked with the
-- version that removed it.
CREATE TABLE recipient_versions (
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  version BIGINT NOT NULL CHECK (version >= 1),
  -- 'registered' for version 1, else what changed ('name, contact, next of kin added', ...).
  change TEXT NOT NULL,
  name_sealed BYTEA NOT NULL,
  contact_sealed BYTEA,
  -- NULL only where nobody is on record (version 1 of a recipient without a registering staff
  -- member on record).
  changed_by TEXT REFERENCES staff(id),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (recipient_id, version)
);

ALTER TABLE relatives ADD COLUMN added_in_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE relatives ADD COLUMN removed_in_version BIGINT;
ALTER TABLE relatives ADD COLUMN removed_by TEXT REFERENCES staff(id);
ALTER TABLE relatives ADD COLUMN removed_at TEXT;
