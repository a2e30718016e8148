-- PostgreSQL port of migrations/0009_token_generation.sql (mapping rules: README.md).
--
-- Bearer tokens join the access facts: the HTTP server confirms a token on the same read
-- snapshot its gate decides on, through the access-facts cache, instead of in a read
-- transaction of its own. A token issued, revoked or removed by any process (`samhand token
-- revoke` beside a running server) therefore raises the access generation like the other
-- fact tables (migration 0008).
CREATE TRIGGER access_generation_staff_tokens_insert AFTER INSERT ON staff_tokens
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_tokens_update AFTER UPDATE ON staff_tokens
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
CREATE TRIGGER access_generation_staff_tokens_delete AFTER DELETE ON staff_tokens
FOR EACH ROW EXECUTE FUNCTION raise_access_generation();
