-- PostgreSQL port of migrations/0005_handovers.sql (mapping rules: README.md).
-- `rowid` columns (responsibilities, handovers, staff_warnings) stand in for SQLite's hidden
-- rowid; the backfill orders by `plans.rowid` (0004's column) as SQLite orders by its rowid.
--
-- Handovers between services and who holds responsibility for a recipient (DESIGN invariants
-- 5, 6 and 8). History, not overwrite: every change of a handover bumps its `version` and
-- appends a row to handover_events; responsibility moves by ending one row and starting the
-- next. Notes, reasons and checklist texts are sealed under the recipient's data key (suffix
-- _sealed); ids, states, kinds, dates and service codes stay plaintext for the inbox and the
-- agenda.

-- Who holds responsibility for the recipient. Exactly one row per recipient is current
-- (ended_at IS NULL), enforced by the unique partial index: never nobody, never two.
-- `staff_id` is NULL only for rows backfilled where no staff member was on record: then the
-- service holds it until a transfer names someone.
CREATE TABLE responsibilities (
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  staff_id TEXT REFERENCES staff(id),
  service TEXT NOT NULL REFERENCES services(code),
  since TEXT NOT NULL,
  via TEXT NOT NULL CHECK (via IN ('registration', 'backfill', 'handover')),
  via_handover_id TEXT,
  ended_at TEXT,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE UNIQUE INDEX responsibilities_one_current ON responsibilities(recipient_id)
  WHERE ended_at IS NULL;
CREATE INDEX responsibilities_by_staff ON responsibilities(staff_id) WHERE ended_at IS NULL;

-- Recipients registered before this migration: the coordinator of their current plan (active,
-- else the newest draft), or else their registering service.
INSERT INTO responsibilities (recipient_id, staff_id, service, since, via)
SELECT r.id,
  (SELECT c.staff_id FROM plans p
     JOIN plan_coordinators c ON c.plan_id = p.id AND c.ended_at IS NULL
     WHERE p.recipient_id = r.id AND p.status != 'closed'
     ORDER BY p.status = 'active' DESC, p.rowid DESC LIMIT 1),
  r.registered_by_service, r.created_at, 'backfill'
FROM recipients r;

CREATE TABLE handovers (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  kind TEXT NOT NULL CHECK (kind IN ('discharge-to-aftercare', 'prison-release', 'turning-18',
    'relocation', 'coordinator-change', 'service-transfer')),
  mode TEXT NOT NULL CHECK (mode IN ('transfer', 'referral')),
  from_staff TEXT NOT NULL REFERENCES staff(id),
  from_service TEXT NOT NULL REFERENCES services(code),
  -- Who held responsibility when the transfer was proposed; its acceptance requires that
  -- they still do, so of two competing transfers only one can be accepted.
  holder_at_proposal TEXT REFERENCES staff(id),
  to_staff TEXT REFERENCES staff(id),
  to_service TEXT NOT NULL REFERENCES services(code),
  planned_date TEXT NOT NULL,
  proposed_on TEXT,
  state TEXT NOT NULL CHECK (state IN ('draft', 'proposed', 'accepted', 'rejected', 'withdrawn',
    'completed')),
  version BIGINT NOT NULL CHECK (version >= 1),
  notes_sealed BYTEA,
  reason_sealed BYTEA,
  accepted_by TEXT REFERENCES staff(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX handovers_by_recipient ON handovers(recipient_id);
CREATE INDEX handovers_to_staff ON handovers(to_staff, state);
CREATE INDEX handovers_to_service ON handovers(to_service, state);
CREATE INDEX handovers_from_staff ON handovers(from_staff, state);
CREATE INDEX handovers_by_planned_date ON handovers(state, planned_date);

-- Every change of a handover, in order: state changes and checklist changes alike.
CREATE TABLE handover_events (
  handover_id TEXT NOT NULL REFERENCES handovers(id),
  version BIGINT NOT NULL,
  event TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  by_staff TEXT NOT NULL REFERENCES staff(id),
  at TEXT NOT NULL,
  PRIMARY KEY (handover_id, version)
);

-- The handover's checklist, copied from the kind's template when proposed; items may be added.
CREATE TABLE handover_checklist_items (
  handover_id TEXT NOT NULL REFERENCES handovers(id),
  position BIGINT NOT NULL,
  key TEXT NOT NULL,
  label_sealed BYTEA NOT NULL,
  done_by TEXT REFERENCES staff(id),
  done_at TEXT,
  added_by TEXT NOT NULL REFERENCES staff(id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (handover_id, key)
);

CREATE INDEX handover_checklist_open ON handover_checklist_items(handover_id)
  WHERE done_at IS NULL;

-- The municipality's own checklist per kind; the newest version is in force. A kind without
-- rows uses the built-in default (SamhandCore's HandoverKind.defaultChecklist).
CREATE TABLE checklist_templates (
  kind TEXT NOT NULL,
  version BIGINT NOT NULL,
  position BIGINT NOT NULL,
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  PRIMARY KEY (kind, version, position)
);

-- Warnings for a service's leaders when an account is deactivated while it still holds
-- responsibility or has handovers not yet accepted: nothing is orphaned unnoticed.
CREATE TABLE staff_warnings (
  leader_id TEXT NOT NULL REFERENCES staff(id),
  about_staff TEXT NOT NULL REFERENCES staff(id),
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX staff_warnings_by_leader ON staff_warnings(leader_id);
