-- PostgreSQL port of migrations/0004_plans_groups.sql (mapping rules: README.md).
-- `rowid` columns (plans, plan_coordinators, plan_goals, plan_goal_statuses, plan_measures,
-- plan_references, plan_comments, plan_revisions, life_domain_scores, groups, group_members,
-- meetings, meeting_decisions, meeting_action_items) stand in for SQLite's hidden rowid.
--
-- Individual plans, life-domain mapping and responsibility groups (DESIGN invariants 5 and 8).
-- History, not overwrite: every change of a plan or group bumps its `version` and appends rows;
-- nothing is deleted. Free text is sealed under the recipient's data key (suffix _sealed);
-- ids, statuses, dates, life domains and service codes stay plaintext for deadlines and reports.

-- A plan's current state. `status` mirrors the newest row of plan_versions so that the unique
-- partial index can hold "at most one active plan per recipient" in the database too.
CREATE TABLE plans (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
  version BIGINT NOT NULL CHECK (version >= 1),
  created_by TEXT NOT NULL REFERENCES staff(id),
  created_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE UNIQUE INDEX plans_one_active ON plans(recipient_id) WHERE status = 'active';
CREATE INDEX plans_by_recipient ON plans(recipient_id);

-- One row per version of the plan's own fields; the newest is the plan as it stands.
CREATE TABLE plan_versions (
  plan_id TEXT NOT NULL REFERENCES plans(id),
  version BIGINT NOT NULL,
  change TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
  own_words_sealed BYTEA,
  children_note_sealed BYTEA,
  period_from TEXT,
  period_until TEXT,
  next_revision TEXT,
  activation_consent_id TEXT REFERENCES consents(id),
  close_reason_sealed BYTEA,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (plan_id, version)
);

-- Who coordinated the plan, from which version; ended (by a handover) never deleted.
CREATE TABLE plan_coordinators (
  plan_id TEXT NOT NULL REFERENCES plans(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  from_version BIGINT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE UNIQUE INDEX plan_coordinators_one_current ON plan_coordinators(plan_id)
  WHERE ended_at IS NULL;
CREATE INDEX plan_coordinators_by_staff ON plan_coordinators(staff_id) WHERE ended_at IS NULL;

CREATE TABLE plan_goals (
  id TEXT PRIMARY KEY NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  life_domain TEXT NOT NULL,
  text_sealed BYTEA NOT NULL,
  target_date TEXT,
  added_in_version BIGINT NOT NULL,
  added_by TEXT NOT NULL REFERENCES staff(id),
  added_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX plan_goals_by_plan ON plan_goals(plan_id);

-- Goal status over time; the newest row is the goal's status. A revision may set several.
CREATE TABLE plan_goal_statuses (
  goal_id TEXT NOT NULL REFERENCES plan_goals(id),
  plan_version BIGINT NOT NULL,
  status TEXT NOT NULL,
  revision_id TEXT,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (goal_id, plan_version),
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE TABLE plan_measures (
  id TEXT PRIMARY KEY NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  kind TEXT NOT NULL CHECK (kind IN ('service', 'contract')),
  description_sealed BYTEA NOT NULL,
  responsible_service TEXT NOT NULL REFERENCES services(code),
  contact_staff_id TEXT REFERENCES staff(id),
  extent_sealed BYTEA,
  start_date TEXT,
  end_date TEXT,
  added_in_version BIGINT NOT NULL,
  added_by TEXT NOT NULL REFERENCES staff(id),
  added_at TEXT NOT NULL,
  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX plan_measures_by_plan ON plan_measures(plan_id);

CREATE TABLE plan_measure_goals (
  measure_id TEXT NOT NULL REFERENCES plan_measures(id),
  goal_id TEXT NOT NULL REFERENCES plan_goals(id),
  PRIMARY KEY (measure_id, goal_id)
);

CREATE TABLE plan_measure_statuses (
  measure_id TEXT NOT NULL REFERENCES plan_measures(id),
  plan_version BIGINT NOT NULL,
  status TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (measure_id, plan_version)
);

-- The elements of a substance contract (tests, group, follow-up talks, ...).
CREATE TABLE plan_contract_elements (
  id TEXT PRIMARY KEY NOT NULL,
  measure_id TEXT NOT NULL REFERENCES plan_measures(id),
  position BIGINT NOT NULL,
  kind TEXT NOT NULL,
  frequency_sealed BYTEA
);

-- References to cooperation agreements and other plans (IOP, KVP, crisis plan, ...), L6.
CREATE TABLE plan_references (
  id TEXT PRIMARY KEY NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  kind TEXT NOT NULL,
  reference_sealed BYTEA NOT NULL,
  added_in_version BIGINT NOT NULL,
  added_by TEXT NOT NULL REFERENCES staff(id),
  added_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

-- Comments of the recipient or a relative, recorded by staff (L4).
CREATE TABLE plan_comments (
  id TEXT PRIMARY KEY NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  author TEXT NOT NULL CHECK (author IN ('recipient', 'relative')),
  relative_id TEXT REFERENCES relatives(id),
  text_sealed BYTEA NOT NULL,
  added_in_version BIGINT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE TABLE plan_revisions (
  id TEXT PRIMARY KEY NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  plan_version BIGINT NOT NULL,
  revised_on TEXT NOT NULL,
  evaluation_sealed BYTEA NOT NULL,
  next_revision TEXT,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX plan_revisions_by_plan ON plan_revisions(plan_id);

-- Brukerplan-style mapping: one score per life domain per mapping date, sealed (L31).
CREATE TABLE life_domain_scores (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  mapped_on TEXT NOT NULL,
  life_domain TEXT NOT NULL,
  score_sealed BYTEA NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX life_domain_scores_by_recipient ON life_domain_scores(recipient_id, mapped_on);

-- Responsibility groups: at most one active per recipient, led by its plan's coordinator.
CREATE TABLE groups (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES recipients(id),
  plan_id TEXT NOT NULL REFERENCES plans(id),
  status TEXT NOT NULL CHECK (status IN ('active', 'closed')),
  meeting_interval_months BIGINT NOT NULL CHECK (meeting_interval_months BETWEEN 1 AND 24),
  version BIGINT NOT NULL CHECK (version >= 1),
  created_by TEXT NOT NULL REFERENCES staff(id),
  created_at TEXT NOT NULL,
  closed_at TEXT,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE UNIQUE INDEX groups_one_active ON groups(recipient_id) WHERE status = 'active';

-- Every change of a group, in order: what changed, who, when.
CREATE TABLE group_versions (
  group_id TEXT NOT NULL REFERENCES groups(id),
  version BIGINT NOT NULL,
  change TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  changed_at TEXT NOT NULL,
  PRIMARY KEY (group_id, version)
);

-- Members: staff by id; external participants, the recipient and relatives with sealed details.
CREATE TABLE group_members (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT NOT NULL REFERENCES groups(id),
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'external', 'recipient', 'relative')),
  staff_id TEXT REFERENCES staff(id),
  relative_id TEXT REFERENCES relatives(id),
  name_sealed BYTEA,
  role_sealed BYTEA,
  organisation_sealed BYTEA,
  contact_sealed BYTEA,
  added_in_version BIGINT NOT NULL,
  added_by TEXT NOT NULL REFERENCES staff(id),
  added_at TEXT NOT NULL,
  ended_at TEXT,
  ended_by TEXT,
  CHECK ((kind = 'staff') = (staff_id IS NOT NULL)),
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX group_members_by_group ON group_members(group_id);
CREATE INDEX group_members_by_staff ON group_members(staff_id) WHERE ended_at IS NULL;

CREATE TABLE meetings (
  id TEXT PRIMARY KEY NOT NULL,
  group_id TEXT NOT NULL REFERENCES groups(id),
  planned_at TEXT NOT NULL,
  agenda_sealed BYTEA,
  added_in_version BIGINT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  created_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX meetings_by_group ON meetings(group_id, planned_at);

-- Minutes are recorded once per meeting and then amended by new rows; the newest counts.
CREATE TABLE meeting_minutes (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  group_version BIGINT NOT NULL,
  text_sealed BYTEA NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, group_version)
);

CREATE TABLE meeting_attendees (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  member_id TEXT NOT NULL REFERENCES group_members(id),
  PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE meeting_decisions (
  id TEXT PRIMARY KEY NOT NULL,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  text_sealed BYTEA NOT NULL,
  recorded_at TEXT NOT NULL,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE TABLE meeting_action_items (
  id TEXT PRIMARY KEY NOT NULL,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  text_sealed BYTEA NOT NULL,
  owner_member_id TEXT NOT NULL REFERENCES group_members(id),
  due_date TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  completed_at TEXT,
  completed_by TEXT,
  rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE INDEX meeting_action_items_open ON meeting_action_items(due_date)
  WHERE completed_at IS NULL;
