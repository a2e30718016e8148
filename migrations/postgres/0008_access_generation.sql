-- PostgreSQL port of migrations/0008_access_generation.sql (mapping rules: README.md).
-- SQLite triggers are row triggers; so are these (FOR EACH ROW), so the generation rises
-- exactly as often as on SQLite.
--
-- The access generation: a counter that every change to a table the gate's access facts are
-- read from increases, in the same transaction, whichever process makes it (the server or
-- the CLI). A server may reuse facts it read at generation N for as long as a new read
-- snapshot still shows N: then none of those rows has changed. The triggers below cover
-- exactly the tables the facts are read from; a test records the tables the fact queries
-- read and fails if one is missing here (a later migration adds triggers for new ones).
CREATE TABLE access_generation (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO access_generation (id, value) VALUES (1, 0);

-- SQLite's trigger bodies `UPDATE access_generation SET value = value + 1 WHERE id = 1`, once
-- per changed row as there (SQLite has only row triggers). The row lock this update takes
-- also orders concurrent writers of fact tables across servers.
CREATE FUNCTION raise_access_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE access_generation SET value = value + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER access_generation_staff_insert AFTER INSERT ON staff
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_update AFTER UPDATE ON staff
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_delete AFTER DELETE ON staff
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_services_insert AFTER INSERT ON staff_services
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_services_update AFTER UPDATE ON staff_services
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_services_delete AFTER DELETE ON staff_services
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_roles_insert AFTER INSERT ON staff_roles
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_roles_update AFTER UPDATE ON staff_roles
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_roles_delete AFTER DELETE ON staff_roles
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_recipients_insert AFTER INSERT ON recipients
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_recipients_update AFTER UPDATE ON recipients
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_recipients_delete AFTER DELETE ON recipients
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_assignments_insert AFTER INSERT ON assignments
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_assignments_update AFTER UPDATE ON assignments
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_assignments_delete AFTER DELETE ON assignments
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_plans_insert AFTER INSERT ON plans
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_plans_update AFTER UPDATE ON plans
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_plans_delete AFTER DELETE ON plans
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_plan_coordinators_insert AFTER INSERT ON plan_coordinators
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_plan_coordinators_update AFTER UPDATE ON plan_coordinators
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_plan_coordinators_delete AFTER DELETE ON plan_coordinators
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_groups_insert AFTER INSERT ON groups
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_groups_update AFTER UPDATE ON groups
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_groups_delete AFTER DELETE ON groups
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_group_members_insert AFTER INSERT ON group_members
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_group_members_update AFTER UPDATE ON group_members
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_group_members_delete AFTER DELETE ON group_members
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_responsibilities_insert AFTER INSERT ON responsibilities
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_responsibilities_update AFTER UPDATE ON responsibilities
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_responsibilities_delete AFTER DELETE ON responsibilities
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_handovers_insert AFTER INSERT ON handovers
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_handovers_update AFTER UPDATE ON handovers
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_handovers_delete AFTER DELETE ON handovers
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_break_glass_grants_insert AFTER INSERT ON break_glass_grants
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_break_glass_grants_update AFTER UPDATE ON break_glass_grants
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_break_glass_grants_delete AFTER DELETE ON break_glass_grants
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consents_insert AFTER INSERT ON consents
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consents_update AFTER UPDATE ON consents
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consents_delete AFTER DELETE ON consents
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_services_insert AFTER INSERT ON consent_services
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_services_update AFTER UPDATE ON consent_services
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_services_delete AFTER DELETE ON consent_services
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_staff_insert AFTER INSERT ON consent_staff
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_staff_update AFTER UPDATE ON consent_staff
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_staff_delete AFTER DELETE ON consent_staff
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_categories_insert AFTER INSERT ON consent_categories
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_categories_update AFTER UPDATE ON consent_categories
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_consent_categories_delete AFTER DELETE ON consent_categories
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_blocks_insert AFTER INSERT ON blocks
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_blocks_update AFTER UPDATE ON blocks
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_blocks_delete AFTER DELETE ON blocks
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_block_categories_insert AFTER INSERT ON block_categories
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_block_categories_update AFTER UPDATE ON block_categories
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_block_categories_delete AFTER DELETE ON block_categories
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
