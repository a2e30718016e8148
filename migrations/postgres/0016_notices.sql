-- PostgreSQL port of migrations/0016_notices.sql (mapping rules: README.md).
-- `notices.rowid` stands in for SQLite's hidden rowid.
--
-- The coordinating unit's intake (DOMAIN L8): notices from any service that a recipient may
-- need an individual plan or a coordinator. A notice is taken up (accepted) and a coordinator
-- appointed (assigned); each step fills its own columns, so nothing is overwritten. Appointing
-- someone who does not hold responsibility proposes a coordinator-change handover
-- (`handover_id`), so every change of coordinator stays a recorded handover (invariant 5).
-- The note is free text, sealed under the recipient's data key (suffix _sealed); ids, needs,
-- statuses, service codes and times stay plaintext for the unit's intake list.
CREATE TABLE notices (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  need TEXT NOT NULL CHECK (need IN ('plan', 'coordinator')),
  note_sealed BYTEA,
  from_staff TEXT NOT NULL REFERENCES staff(id),
  from_service TEXT NOT NULL REFERENCES services(code),
  sent_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'assigned')),
  accepted_by TEXT REFERENCES staff(id),
  accepted_at TEXT,
  coordinator TEXT REFERENCES staff(id),
  handover_id TEXT REFERENCES handovers(id),
  assigned_by TEXT REFERENCES staff(id),
  assigned_at TEXT,
  CHECK ((status = 'assigned') = (coordinator IS NOT NULL)),
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX notices_open ON notices(recipient_id) WHERE status = 'open';
