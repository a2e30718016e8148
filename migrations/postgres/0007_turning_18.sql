-- PostgreSQL port of migrations/0007_turning_18.sql (mapping rules: README.md).
--
-- The date a recipient registered as a minor turns 18, so the agenda can remind the staff
-- responsible three months ahead (DOMAIN L12, SCENARIOS S3) without opening the sealed
-- national id. Plaintext on purpose, and only for recipients under 18 at registration: the
-- README's threat model names what it tells someone who has the file. NULL for adults, for
-- erased recipients, and for recipients registered before this migration (their national id
-- is sealed, so SQL cannot compute it; see the README).
ALTER TABLE recipients ADD COLUMN turns_18_on TEXT;
