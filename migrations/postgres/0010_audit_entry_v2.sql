-- PostgreSQL port of migrations/0010_audit_entry_v2.sql (mapping rules: README.md).
--
-- Audit entries say more: the OS user who ran a CLI command, and the SHA-256 digest (hex) of
-- the policy set that decided, so that a command run with `--policies` from elsewhere shows
-- in the log. The entry's canonical encoding gets a version: rows written before this
-- migration keep encoding 1 (their bytes and hashes do not change); new rows are written
-- with encoding 2, which covers the two new columns.
ALTER TABLE audit_entries ADD COLUMN encoding BIGINT NOT NULL DEFAULT 1;
ALTER TABLE audit_entries ADD COLUMN os_user TEXT;
ALTER TABLE audit_entries ADD COLUMN policy_digest TEXT;
