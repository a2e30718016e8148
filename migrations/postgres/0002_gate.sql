-- PostgreSQL port of migrations/0002_gate.sql (mapping rules: README.md).
-- `rowid` columns (staff_tokens, relatives, assignments, blocks) stand in for SQLite's hidden
-- rowid, which the store orders by.
--
-- The gate: tokens, next of kin, assignments, consents, blocks (sperring) and emergency
-- access (break-glass). Free text and personal data are sealed under the recipient's data key
-- (suffix _sealed); ids, dates, statuses, categories and service codes stay plaintext so that
-- the policies' data and the deadlines can be queried.

-- Bearer tokens: only the SHA-256 of the secret is stored.
CREATE TABLE staff_tokens (
  id TEXT PRIMARY KEY NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  token_hash BYTEA NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX staff_tokens_by_staff ON staff_tokens(staff_id);

CREATE TABLE relatives (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  name_sealed BYTEA NOT NULL,
  relation_sealed BYTEA NOT NULL,
  contact_sealed BYTEA,
  is_child BIGINT NOT NULL CHECK (is_child IN (0, 1)),
  created_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX relatives_by_recipient ON relatives(recipient_id);

-- Staff assigned to a recipient: a care relationship. Ended, never deleted.
CREATE TABLE assignments (
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  ended_at TEXT,
  ended_by TEXT,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE UNIQUE INDEX assignments_live ON assignments(recipient_id, staff_id)
  WHERE ended_at IS NULL;
CREATE INDEX assignments_by_staff ON assignments(staff_id) WHERE ended_at IS NULL;

CREATE TABLE consents (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  given_by TEXT NOT NULL CHECK (given_by IN ('recipient', 'guardian')),
  form TEXT NOT NULL CHECK (form IN ('written', 'oral')),
  purpose_sealed BYTEA NOT NULL,
  document_reference_sealed BYTEA,
  -- Calendar dates (Europe/Oslo), YYYY-MM-DD; valid_until NULL = until withdrawn.
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by TEXT
);

CREATE INDEX consents_by_recipient ON consents(recipient_id);
CREATE INDEX consents_by_end ON consents(valid_until) WHERE withdrawn_at IS NULL;

-- What a consent covers: services or named staff, times information categories.
CREATE TABLE consent_services (
  consent_id TEXT NOT NULL REFERENCES consents(id),
  service_code TEXT NOT NULL REFERENCES services(code),
  PRIMARY KEY (consent_id, service_code)
);

CREATE TABLE consent_staff (
  consent_id TEXT NOT NULL REFERENCES consents(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  PRIMARY KEY (consent_id, staff_id)
);

CREATE TABLE consent_categories (
  consent_id TEXT NOT NULL REFERENCES consents(id),
  category TEXT NOT NULL,
  PRIMARY KEY (consent_id, category)
);

-- Blocks (sperring): the recipient forbids a staff member or a whole service, for some or
-- all categories (no rows in block_categories = all).
CREATE TABLE blocks (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  staff_id TEXT REFERENCES staff(id),
  service_code TEXT REFERENCES services(code),
  reason_sealed BYTEA,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  lifted_at TEXT,
  lifted_by TEXT,
  CHECK ((staff_id IS NULL) != (service_code IS NULL)),
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX blocks_by_recipient ON blocks(recipient_id) WHERE lifted_at IS NULL;

CREATE TABLE block_categories (
  block_id TEXT NOT NULL REFERENCES blocks(id),
  category TEXT NOT NULL,
  PRIMARY KEY (block_id, category)
);

-- Emergency access: time-limited read of one recipient, with a stated reason, reviewed later.
CREATE TABLE break_glass_grants (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  reason_sealed BYTEA NOT NULL,
  granted_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  reviewed_at TEXT,
  reviewed_by TEXT,
  review_outcome TEXT CHECK (review_outcome IN ('accepted', 'questioned')),
  review_comment_sealed BYTEA
);

CREATE INDEX break_glass_live ON break_glass_grants(recipient_id, staff_id, expires_at);
CREATE INDEX break_glass_unreviewed ON break_glass_grants(granted_at) WHERE reviewed_at IS NULL;
