-- PostgreSQL port of migrations/0011_audit_merkle.sql (mapping rules: README.md).
--
-- The audit log becomes the leaves of an RFC 6962 Merkle tree with checkpoints in the C2SP
-- signed-note format (issue 16). The hash chain of audit_entries stays: it names the first
-- bad entry; the tree gives inclusion and consistency proofs and what witnesses cosign.

-- The hash of every complete subtree, stored once in the order appends complete them
-- (position = MerkleNode.storageIndex: leaf m's hash sits at 2m - popcount(m), and the
-- subtrees it completes right after it). An append writes two rows on average and reads
-- one; a root or proof reads O(log n) rows by key, never a scan. SQL cannot hash: the tree
-- of an existing log is built by the store at its first open after this migration, once
-- the hash chain has verified.
CREATE TABLE audit_tree (
  position BIGINT PRIMARY KEY NOT NULL,
  hash BYTEA NOT NULL CHECK (length(hash) = 32)
);

-- Signed checkpoints as C2SP notes: the tlog-checkpoint body (origin, tree size, base64
-- root) and the Ed25519 note signature of the audit key, named by the origin.
CREATE TABLE audit_signed_checkpoints (
  tree_size BIGINT PRIMARY KEY NOT NULL,
  time_ms BIGINT NOT NULL,
  note TEXT NOT NULL
);

-- The log's origin line, one per installation: chosen when the database is created (or
-- first opened after this migration) and never changed.
CREATE TABLE audit_log_origin (
  id BIGINT PRIMARY KEY NOT NULL CHECK (id = 1),
  origin TEXT NOT NULL
);

CREATE TRIGGER audit_tree_refuse_update BEFORE UPDATE ON audit_tree
FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit tree is append-only');
CREATE TRIGGER audit_tree_refuse_delete BEFORE DELETE ON audit_tree
FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit tree is append-only');
CREATE TRIGGER audit_signed_checkpoints_refuse_update BEFORE UPDATE ON audit_signed_checkpoints
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit checkpoints are append-only');
CREATE TRIGGER audit_signed_checkpoints_refuse_delete BEFORE DELETE ON audit_signed_checkpoints
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit checkpoints are append-only');
CREATE TRIGGER audit_log_origin_refuse_update BEFORE UPDATE ON audit_log_origin
FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log origin is fixed');
CREATE TRIGGER audit_log_origin_refuse_delete BEFORE DELETE ON audit_log_origin
FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log origin is fixed');
