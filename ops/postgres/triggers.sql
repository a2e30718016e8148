-- The triggers of migrations/postgres do on PostgreSQL what their SQLite twins do: the audit
-- tables refuse change with the same message (SQLSTATE 23000), `tree_hashes` is written once,
-- the access generation rises with every change of a fact table, and the report fact tables
-- follow plans, plan versions, meetings and minutes. Run by check-schema.sh on a freshly
-- migrated database; everything happens in one transaction that is rolled back.
\set ON_ERROR_STOP 1
BEGIN;

-- Runs `statement` and fails unless it is refused with exactly `message`.
CREATE FUNCTION pg_temp.expect_refusal(statement text, message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE statement;
  RAISE EXCEPTION 'not refused: %', statement USING ERRCODE = 'P0001';
EXCEPTION WHEN integrity_constraint_violation THEN
  IF SQLERRM <> message THEN
    RAISE EXCEPTION 'refused with "%" instead of "%": %', SQLERRM, message, statement
      USING ERRCODE = 'P0001';
  END IF;
END;
$$;

-- Fails unless `actual` equals `expected`, naming `what`.
CREATE FUNCTION pg_temp.expect(what text, actual text, expected text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF actual IS DISTINCT FROM expected THEN
    RAISE EXCEPTION '%: % instead of %', what, coalesce(actual, 'NULL'),
      coalesce(expected, 'NULL');
  END IF;
END;
$$;

INSERT INTO services (code, name, created_at) VALUES ('nav', 'NAV', '2026-01-01T00:00:00Z');
INSERT INTO staff (id, display_name, created_at) VALUES ('s1', 'Kari', '2026-01-01T00:00:00Z');
INSERT INTO recipients (id, registered_by_service, created_at, name_sealed, national_id_sealed)
VALUES ('r1', 'nav', '2026-01-01T00:00:00Z', '\x00', '\x00');

INSERT INTO audit_entries (sequence, time_ms, actor, action, resource_type, decision,
  policy_ids, break_glass, request_id, channel, outcome, hash)
VALUES (1, 0, 's1', 'read', 'recipient', 'allow', '', 0, 'q1', 'cli', 'ok', '\x01');
INSERT INTO audit_checkpoints (sequence, head_hash, time_ms, key_id, signature)
VALUES (1, '\x01', 0, 'k', '\x02');
INSERT INTO audit_signed_checkpoints (tree_size, time_ms, note) VALUES (1, 0, 'note');
INSERT INTO audit_log_origin (id, origin) VALUES (1, 'samhand.example/log');

-- audit_entries_refuse_update, audit_entries_refuse_delete
SELECT pg_temp.expect_refusal('UPDATE audit_entries SET actor = ''s2''',
  'audit entries are append-only');
SELECT pg_temp.expect_refusal('UPDATE audit_entries SET hash = ''\x09''',
  'audit entries are append-only');
SELECT pg_temp.expect_refusal('DELETE FROM audit_entries', 'audit entries are append-only');
-- audit_entries_tree_hashes_once: written once while NULL, then refused.
UPDATE audit_entries SET tree_hashes = decode(repeat('00', 32), 'hex') WHERE sequence = 1;
SELECT pg_temp.expect_refusal(
  'UPDATE audit_entries SET tree_hashes = decode(repeat(''11'', 32), ''hex'')',
  'the audit tree is append-only');
-- audit_checkpoints_refuse_update, audit_checkpoints_refuse_delete
SELECT pg_temp.expect_refusal('UPDATE audit_checkpoints SET key_id = ''x''',
  'audit checkpoints are append-only');
SELECT pg_temp.expect_refusal('DELETE FROM audit_checkpoints',
  'audit checkpoints are append-only');
-- audit_signed_checkpoints_refuse_update, audit_signed_checkpoints_refuse_delete
SELECT pg_temp.expect_refusal('UPDATE audit_signed_checkpoints SET note = ''x''',
  'audit checkpoints are append-only');
SELECT pg_temp.expect_refusal('DELETE FROM audit_signed_checkpoints',
  'audit checkpoints are append-only');
-- audit_log_origin_refuse_update, audit_log_origin_refuse_delete
SELECT pg_temp.expect_refusal('UPDATE audit_log_origin SET origin = ''x''',
  'the audit log origin is fixed');
SELECT pg_temp.expect_refusal('DELETE FROM audit_log_origin', 'the audit log origin is fixed');

-- access_generation_*: one step per changed row, on insert, update and delete.
CREATE TEMP TABLE generation_before AS SELECT value FROM access_generation;
INSERT INTO staff_roles (staff_id, role) VALUES ('s1', 'care'), ('s1', 'leader');
UPDATE staff SET display_name = 'Kari N.' WHERE id = 's1';
DELETE FROM staff_roles WHERE role = 'leader';
INSERT INTO staff_tokens (id, staff_id, token_hash, created_at, expires_at)
VALUES ('t1', 's1', '\x03', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');
SELECT pg_temp.expect('access generation steps',
  ((SELECT value FROM access_generation) - (SELECT value FROM generation_before))::text, '5');

-- report_plan_facts_plan, report_plan_facts_version: the first activation and closing.
INSERT INTO plans (id, recipient_id, status, version, created_by, created_at)
VALUES ('p1', 'r1', 'draft', 1, 's1', '2026-01-01T00:00:00Z');
INSERT INTO plan_versions (plan_id, version, change, status, changed_by, changed_at) VALUES
  ('p1', 1, 'created', 'draft', 's1', '2026-01-01T00:00:00Z'),
  ('p1', 2, 'activated', 'active', 's1', '2026-01-05T00:00:00Z'),
  ('p1', 3, 'closed', 'closed', 's1', '2026-03-01T00:00:00Z'),
  ('p1', 4, 'activated', 'active', 's1', '2026-04-01T00:00:00Z');
SELECT pg_temp.expect('report_plan_facts',
  (SELECT concat_ws(' ', recipient_id, service, activated_at, closed_at)
   FROM report_plan_facts WHERE plan_id = 'p1'),
  'r1 nav 2026-01-05T00:00:00Z 2026-03-01T00:00:00Z');

-- report_meeting_facts_meeting, report_meeting_facts_minutes: held once minutes exist.
INSERT INTO groups (id, recipient_id, plan_id, status, meeting_interval_months, version,
  created_by, created_at)
VALUES ('g1', 'r1', 'p1', 'active', 3, 1, 's1', '2026-01-01T00:00:00Z');
INSERT INTO meetings (id, group_id, planned_at, added_in_version, created_by, created_at)
VALUES ('m1', 'g1', '2026-02-01T10:00:00Z', 1, 's1', '2026-01-01T00:00:00Z');
SELECT pg_temp.expect('report_meeting_facts before minutes',
  (SELECT concat_ws(' ', service, planned_at, held) FROM report_meeting_facts
   WHERE meeting_id = 'm1'), 'nav 2026-02-01T10:00:00Z 0');
INSERT INTO meeting_minutes (meeting_id, group_version, text_sealed, recorded_by, recorded_at)
VALUES ('m1', 1, '\x00', 's1', '2026-02-01T12:00:00Z');
SELECT pg_temp.expect('report_meeting_facts after minutes',
  (SELECT held::text FROM report_meeting_facts WHERE meeting_id = 'm1'), '1');

-- The rowid identity columns number rows in insertion order, as SQLite's rowid does.
INSERT INTO plans (id, recipient_id, status, version, created_by, created_at)
VALUES ('p2', 'r1', 'draft', 1, 's1', '2026-01-02T00:00:00Z');
SELECT pg_temp.expect('plans in rowid order',
  (SELECT string_agg(id, ' ' ORDER BY rowid) FROM plans), 'p1 p2');

ROLLBACK;
