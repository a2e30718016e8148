-- Erasure with four eyes (GDPR art. 17, DOMAIN L27), legal holds, and shredding that reaches
-- every copy. Ids, grounds, statuses, dates and key version numbers stay plaintext so that the
-- queue and the retention due list are queries; the reasons are free text, sealed under the
-- recipient's data key (and so unreadable once the request is approved).

-- One request to erase a recipient: made by care staff, approved or rejected by a leader of
-- the registering service who is not the requester. At most one pending per recipient.
CREATE TABLE erasure_requests (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  ground TEXT NOT NULL
    CHECK (ground IN ('registered-in-error', 'retention-expired', 'objection')),
  reason_sealed BLOB NOT NULL,
  requested_by TEXT NOT NULL REFERENCES staff(id),
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by TEXT REFERENCES staff(id),
  decided_at TEXT,
  rejection_reason_sealed BLOB,
  -- The key-encryption key version that wrapped the destroyed data key: backups taken before
  -- the erasure open the recipient's data with it until it (and every older version) is
  -- retired. Set on approval only.
  kek_version INTEGER,
  CHECK ((status = 'pending') = (decided_by IS NULL)),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK ((status = 'approved') = (kek_version IS NOT NULL)),
  CHECK (decided_by IS NULL OR decided_by != requested_by)
) STRICT;

CREATE UNIQUE INDEX erasure_requests_one_pending ON erasure_requests(recipient_id)
  WHERE status = 'pending';
CREATE INDEX erasure_requests_by_status ON erasure_requests(status, requested_at);

-- Legal holds: while one is live (cleared_at NULL) the recipient may not be erased on any
-- ground. Cleared, never deleted.
CREATE TABLE legal_holds (
  id INTEGER PRIMARY KEY,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  set_by TEXT NOT NULL REFERENCES staff(id),
  set_at TEXT NOT NULL,
  cleared_by TEXT REFERENCES staff(id),
  cleared_at TEXT,
  CHECK ((cleared_by IS NULL) = (cleared_at IS NULL))
) STRICT;

CREATE UNIQUE INDEX legal_holds_live ON legal_holds(recipient_id) WHERE cleared_at IS NULL;

-- Every data key shredded, in order: each process remembers the last sequence it has seen and,
-- at the start of every transaction, evicts from its memory the unwrapped data keys of the
-- recipients shredded since (SQLiteStore), whichever process shredded them.
CREATE TABLE shredded_keys (
  sequence INTEGER PRIMARY KEY,
  recipient_id TEXT NOT NULL UNIQUE REFERENCES recipients(id)
) STRICT;
INSERT INTO shredded_keys (recipient_id)
SELECT recipient_id FROM recipient_keys WHERE wrapped_key IS NULL ORDER BY shredded_at;

-- secure_delete: SQLite overwrites deleted content with zeros, so a shredded wrapped key or
-- blind index leaves no old bytes in the page it was on. It is a per-connection setting, on
-- for every connection (SQLiteStore.open); the free pages written before it was on are
-- cleared by one VACUUM, which SQLiteStore.open runs the first time it opens a database whose
-- `vacuumed_at` is NULL (VACUUM cannot run inside the migration's transaction).
CREATE TABLE secure_delete (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  vacuumed_at TEXT
) STRICT;
INSERT INTO secure_delete (id, vacuumed_at) VALUES (1, NULL);
