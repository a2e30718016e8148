-- PostgreSQL port of migrations/0021_report_plan_facts.sql (mapping rules: README.md).
-- WITHOUT ROWID is dropped: a PostgreSQL table has no rowid and its primary key is an index
-- beside the heap either way. Trigger bodies are PL/pgSQL functions named after their trigger.
--
-- Reports (issue 18) count per plan when it was first activated and first closed, and under
-- which service its recipient is registered. Read from the plan versions and the recipients,
-- that took a text-keyed join over every version and every recipient row (sealed columns
-- and all) per report. This narrow table keeps those facts, and triggers keep it right in
-- the same transaction as the change: a plan is inserted, a version is added (versions are
-- never updated or deleted, and plans are never deleted: erasure shreds keys). It holds no
-- more than the base tables hold in plain text.
CREATE TABLE report_plan_facts (
  plan_id TEXT PRIMARY KEY NOT NULL,
  recipient_id TEXT NOT NULL,
  service TEXT NOT NULL,
  activated_at TEXT,
  closed_at TEXT
);

INSERT INTO report_plan_facts (plan_id, recipient_id, service, activated_at, closed_at)
SELECT p.id, p.recipient_id, r.registered_by_service,
  (SELECT MIN(v.changed_at) FROM plan_versions v WHERE v.plan_id = p.id AND v.status = 'active'),
  (SELECT MIN(v.changed_at) FROM plan_versions v WHERE v.plan_id = p.id AND v.status = 'closed')
FROM plans p JOIN recipients r ON r.id = p.recipient_id;

-- SQLite's trigger bodies as PL/pgSQL functions, one per trigger and named after it; the
-- WHEN clause stays on the trigger.
CREATE FUNCTION report_plan_facts_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_plan_facts (plan_id, recipient_id, service)
  SELECT NEW.id, NEW.recipient_id, r.registered_by_service FROM recipients r
  WHERE r.id = NEW.recipient_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER report_plan_facts_plan AFTER INSERT ON plans
FOR EACH ROW EXECUTE FUNCTION report_plan_facts_plan();

CREATE FUNCTION report_plan_facts_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_plan_facts SET
    activated_at = CASE WHEN NEW.status = 'active'
      AND (activated_at IS NULL OR NEW.changed_at < activated_at)
      THEN NEW.changed_at ELSE activated_at END,
    closed_at = CASE WHEN NEW.status = 'closed'
      AND (closed_at IS NULL OR NEW.changed_at < closed_at)
      THEN NEW.changed_at ELSE closed_at END
  WHERE plan_id = NEW.plan_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER report_plan_facts_version AFTER INSERT ON plan_versions
FOR EACH ROW WHEN (NEW.status IN ('active', 'closed'))
EXECUTE FUNCTION report_plan_facts_version();

-- The same for meetings: each meeting's planned time, its group's recipient's registering
-- service and whether minutes were recorded (held), kept when a meeting or its minutes are
-- inserted (neither is ever updated or deleted), so the meeting count reads one narrow
-- table instead of probing the groups, the recipients and the minutes per meeting.
CREATE TABLE report_meeting_facts (
  meeting_id TEXT PRIMARY KEY NOT NULL,
  service TEXT NOT NULL,
  planned_at TEXT NOT NULL,
  held BIGINT NOT NULL DEFAULT 0 CHECK (held IN (0, 1))
);

INSERT INTO report_meeting_facts (meeting_id, service, planned_at, held)
SELECT m.id, r.registered_by_service, m.planned_at,
  -- EXISTS is boolean in PostgreSQL (an integer 0/1 in SQLite): CASE keeps `held` 0/1.
  CASE WHEN EXISTS (SELECT 1 FROM meeting_minutes n WHERE n.meeting_id = m.id) THEN 1 ELSE 0 END
FROM meetings m JOIN groups g ON g.id = m.group_id JOIN recipients r ON r.id = g.recipient_id;

CREATE FUNCTION report_meeting_facts_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_meeting_facts (meeting_id, service, planned_at)
  SELECT NEW.id, r.registered_by_service, NEW.planned_at
  FROM groups g JOIN recipients r ON r.id = g.recipient_id WHERE g.id = NEW.group_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER report_meeting_facts_meeting AFTER INSERT ON meetings
FOR EACH ROW EXECUTE FUNCTION report_meeting_facts_meeting();

CREATE FUNCTION report_meeting_facts_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_meeting_facts SET held = 1 WHERE meeting_id = NEW.meeting_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER report_meeting_facts_minutes AFTER INSERT ON meeting_minutes
FOR EACH ROW EXECUTE FUNCTION report_meeting_facts_minutes();

-- The group and revision counts and the holder check join the recipients only for their
-- registering service: a covering index spares reading their wide rows (sealed columns).
CREATE INDEX recipients_registering_service ON recipients(id, registered_by_service);
