-- Foundation schema: services, staff, recipients with sealed fields, recipient data keys,
-- and the append-only audit log with its signed checkpoints.
-- Sealed columns (suffix _sealed) hold AES-256-GCM ciphertexts bound to table, column and row.
-- Times are UTC ISO 8601 text; audit times are UTC milliseconds since the epoch.

CREATE TABLE services (
  code TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY NOT NULL,
  display_name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  deactivated_at TEXT
) STRICT;

CREATE TABLE staff_services (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  service_code TEXT NOT NULL REFERENCES services(code),
  PRIMARY KEY (staff_id, service_code)
) STRICT;

CREATE TABLE staff_roles (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  role TEXT NOT NULL,
  PRIMARY KEY (staff_id, role)
) STRICT;

CREATE TABLE recipients (
  id TEXT PRIMARY KEY NOT NULL,
  registered_by_service TEXT NOT NULL REFERENCES services(code),
  created_at TEXT NOT NULL,
  -- Keyed blind index of the national id; NULL once the recipient is erased.
  national_id_index BLOB UNIQUE,
  name_sealed BLOB NOT NULL,
  national_id_sealed BLOB NOT NULL,
  contact_sealed BLOB,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE recipient_keys (
  recipient_id TEXT PRIMARY KEY NOT NULL REFERENCES recipients(id),
  data_key_version INTEGER NOT NULL,
  kek_version INTEGER NOT NULL,
  -- NULL once shredded: every sealed field of the recipient then reads as erased.
  wrapped_key BLOB,
  shredded_at TEXT,
  CHECK ((wrapped_key IS NULL) = (shredded_at IS NOT NULL))
) STRICT;

CREATE INDEX recipient_keys_by_kek_version ON recipient_keys(kek_version)
  WHERE wrapped_key IS NOT NULL;

CREATE TABLE audit_entries (
  sequence INTEGER PRIMARY KEY NOT NULL,
  time_ms INTEGER NOT NULL,
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
  break_glass INTEGER NOT NULL,
  request_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  outcome TEXT NOT NULL,
  hash BLOB NOT NULL
) STRICT;

CREATE INDEX audit_entries_by_recipient ON audit_entries(recipient_id, time_ms)
  WHERE recipient_id IS NOT NULL;

CREATE TABLE audit_checkpoints (
  sequence INTEGER PRIMARY KEY NOT NULL,
  head_hash BLOB NOT NULL,
  time_ms INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  signature BLOB NOT NULL
) STRICT;

-- Defence in depth: the audit tables refuse change through SQL. The proof is the hash chain.
CREATE TRIGGER audit_entries_refuse_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_entries_refuse_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_checkpoints_refuse_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
CREATE TRIGGER audit_checkpoints_refuse_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
