-- PostgreSQL port of migrations/0006_agenda_indexes.sql (mapping rules: README.md).
--
-- The agenda asks, for one staff member, four questions (see StoreTransaction+Agenda.swift);
-- each must start from the staff member and follow indexes, never scan a table. Two joins
-- had none: an action item's owner, and a plan's group.
CREATE INDEX meeting_action_items_open_by_owner ON meeting_action_items(owner_member_id, due_date)
  WHERE completed_at IS NULL;
CREATE INDEX groups_by_plan ON groups(plan_id);
