-- PostgreSQL port of migrations/0001_foundation.sql (mapping rules: README.md).
-- STRICT is
-- dropped: PostgreSQL's column types are always enforced. `recipients.rowid` stands in for
-- SQLite's hidden rowid, which the store pages and orders by.
--
-- Foundation schema: services, staff, recipients with sealed fields, recipient data keys,
-- and the append-only audit log with its signed checkpoints.
-- Sealed columns (suffix _sealed) hold AES-256-GCM ciphertexts bound to table, column and row.
-- Times are UTC ISO 8601 text; audit times are UTC milliseconds since the epoch.

CREATE TABLE services (
  code TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE staff (
  id TEXT PRIMARY KEY NOT NULL,
  display_name TEXT NOT NULL,
  active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  deactivated_at TEXT
);

CREATE TABLE staff_services (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  service_code TEXT NOT NULL REFERENCES services(code),
  PRIMARY KEY (staff_id, service_code)
);

CREATE TABLE staff_roles (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  role TEXT NOT NULL,
  PRIMARY KEY (staff_id, role)
);

CREATE TABLE recipients (
  id TEXT PRIMARY KEY NOT NULL,
  registered_by_service TEXT NOT NULL REFERENCES services(code),
  created_at TEXT NOT NULL,
  -- Keyed blind index of the national id; NULL once the recipient is erased.
  national_id_index BYTEA UNIQUE,
  name_sealed BYTEA NOT NULL,
  national_id_sealed BYTEA NOT NULL,
  contact_sealed BYTEA,
  version BIGINT NOT NULL DEFAULT 1,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE TABLE recipient_keys (
  recipient_id TEXT PRIMARY KEY NOT NULL REFERENCES recipients(id),
  data_key_version BIGINT NOT NULL,
  kek_version BIGINT NOT NULL,
  -- NULL once shredded: every sealed field of the recipient then reads as erased.
  wrapped_key BYTEA,
  shredded_at TEXT,
  CHECK ((wrapped_key IS NULL) = (shredded_at IS NOT NULL))
);

CREATE INDEX recipient_keys_by_kek_version ON recipient_keys(kek_version)
  WHERE wrapped_key IS NOT NULL;

CREATE TABLE audit_entries (
  sequence BIGINT PRIMARY KEY NOT NULL,
  time_ms BIGINT NOT NULL,
  actor TEXT NOT NULL,
  actor_service TEXT,
  action TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT,
  recipient_id TEXT,
  decision TEXT NOT NULL,
  -- Policy ids joined with U+001F (unit separator); '' for none.
  policy_ids TEXT NOT NULL,
  purpose TEXT,
  break_glass BIGINT NOT NULL,
  request_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  outcome TEXT NOT NULL,
  hash BYTEA NOT NULL
);

CREATE INDEX audit_entries_by_recipient ON audit_entries(recipient_id, time_ms)
  WHERE recipient_id IS NOT NULL;

CREATE TABLE audit_checkpoints (
  sequence BIGINT PRIMARY KEY NOT NULL,
  head_hash BYTEA NOT NULL,
  time_ms BIGINT NOT NULL,
  key_id TEXT NOT NULL,
  signature BYTEA NOT NULL
);

-- Defence in depth: the audit tables refuse change through SQL. The proof is the hash chain.
-- SQLite's `RAISE(ABORT, 'message')`: one trigger function raising the message its trigger
-- passes, as an integrity-constraint violation (SQLSTATE 23000), the class SQLite's
-- SQLITE_CONSTRAINT_TRIGGER belongs to. Row triggers do not see TRUNCATE, which SQLite does
-- not have; the store never truncates, and a role that may truncate may also drop triggers.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER audit_entries_refuse_update BEFORE UPDATE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit entries are append-only');
CREATE TRIGGER audit_entries_refuse_delete BEFORE DELETE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit entries are append-only');
CREATE TRIGGER audit_checkpoints_refuse_update BEFORE UPDATE ON audit_checkpoints
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit checkpoints are append-only');
CREATE TRIGGER audit_checkpoints_refuse_delete BEFORE DELETE ON audit_checkpoints
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit checkpoints are append-only');
