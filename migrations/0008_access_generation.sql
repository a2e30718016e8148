-- The access generation: a counter that every change to a table the gate's access facts are
-- read from increases, in the same transaction, whichever process makes it (the server or
-- the CLI). A server may reuse facts it read at generation N for as long as a new read
-- snapshot still shows N: then none of those rows has changed. The triggers below cover
-- exactly the tables the facts are read from; a test records the tables the fact queries
-- read and fails if one is missing here (a later migration adds triggers for new ones).
CREATE TABLE access_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO access_generation (id, value) VALUES (1, 0);

CREATE TRIGGER access_generation_staff_insert AFTER INSERT ON staff
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_staff_update AFTER UPDATE ON staff
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_staff_delete AFTER DELETE ON staff
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_staff_services_insert AFTER INSERT ON staff_services
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_staff_services_update AFTER UPDATE ON staff_services
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_staff_services_delete AFTER DELETE ON staff_services
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_staff_roles_insert AFTER INSERT ON staff_roles
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_staff_roles_update AFTER UPDATE ON staff_roles
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_staff_roles_delete AFTER DELETE ON staff_roles
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_recipients_insert AFTER INSERT ON recipients
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_recipients_update AFTER UPDATE ON recipients
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_recipients_delete AFTER DELETE ON recipients
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_assignments_insert AFTER INSERT ON assignments
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_assignments_update AFTER UPDATE ON assignments
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_assignments_delete AFTER DELETE ON assignments
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_plans_insert AFTER INSERT ON plans
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_plans_update AFTER UPDATE ON plans
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_plans_delete AFTER DELETE ON plans
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_plan_coordinators_insert AFTER INSERT ON plan_coordinators
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_plan_coordinators_update AFTER UPDATE ON plan_coordinators
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_plan_coordinators_delete AFTER DELETE ON plan_coordinators
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_groups_insert AFTER INSERT ON groups
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_groups_update AFTER UPDATE ON groups
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_groups_delete AFTER DELETE ON groups
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_group_members_insert AFTER INSERT ON group_members
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_group_members_update AFTER UPDATE ON group_members
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_group_members_delete AFTER DELETE ON group_members
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_responsibilities_insert AFTER INSERT ON responsibilities
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_responsibilities_update AFTER UPDATE ON responsibilities
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_responsibilities_delete AFTER DELETE ON responsibilities
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_handovers_insert AFTER INSERT ON handovers
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_handovers_update AFTER UPDATE ON handovers
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_handovers_delete AFTER DELETE ON handovers
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_break_glass_grants_insert AFTER INSERT ON break_glass_grants
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_break_glass_grants_update AFTER UPDATE ON break_glass_grants
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_break_glass_grants_delete AFTER DELETE ON break_glass_grants
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consents_insert AFTER INSERT ON consents
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consents_update AFTER UPDATE ON consents
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consents_delete AFTER DELETE ON consents
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_services_insert AFTER INSERT ON consent_services
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_services_update AFTER UPDATE ON consent_services
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_services_delete AFTER DELETE ON consent_services
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_staff_insert AFTER INSERT ON consent_staff
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_staff_update AFTER UPDATE ON consent_staff
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_staff_delete AFTER DELETE ON consent_staff
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_categories_insert AFTER INSERT ON consent_categories
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_categories_update AFTER UPDATE ON consent_categories
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_consent_categories_delete AFTER DELETE ON consent_categories
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_blocks_insert AFTER INSERT ON blocks
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_blocks_update AFTER UPDATE ON blocks
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_blocks_delete AFTER DELETE ON blocks
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_block_categories_insert AFTER INSERT ON block_categories
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_block_categories_update AFTER UPDATE ON block_categories
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER access_generation_block_categories_delete AFTER DELETE ON block_categories
BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; END;
