-- PostgreSQL port of migrations/0012_key_versions.sql (mapping rules: README.md).
-- SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` becomes the same UTC text by `to_char`.
--
-- Which key-encryption key (KEK) versions exist and what each is for, so that every process
-- on one data directory agrees: a running server reads the current version on its write path
-- and reloads DATA/keys/ when another process (`samhand keys rotate`) made a new one current,
-- and never wraps a data key under a retired version. Numbers and states only, never key
-- material.
--
-- current:  wraps every new data key; exactly one row.
-- previous: still loaded to unwrap data keys wrapped before the last rotation.
-- retired:  `samhand keys retire` found no data key under it; its file is deleted (or about
--           to be) and no process loads it again.
CREATE TABLE key_versions (
  version BIGINT PRIMARY KEY NOT NULL CHECK (version > 0),
  status TEXT NOT NULL CHECK (status IN ('current', 'previous', 'retired')),
  changed_at TEXT NOT NULL
);

CREATE UNIQUE INDEX key_versions_one_current ON key_versions(status) WHERE status = 'current';

-- An existing installation: the versions its data keys are wrapped under, the newest current.
-- A data directory without data keys records the versions of its key files when it is next
-- opened (SQLiteStore.open).
INSERT INTO key_versions (version, status, changed_at)
SELECT DISTINCT kek_version, 'previous',
  to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM recipient_keys WHERE wrapped_key IS NOT NULL;

UPDATE key_versions SET status = 'current'
WHERE version = (SELECT MAX(version) FROM key_versions);
