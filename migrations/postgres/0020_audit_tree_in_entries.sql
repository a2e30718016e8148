-- PostgreSQL port of migrations/0020_audit_tree_in_entries.sql (mapping rules: README.md).
-- PostgreSQL names a trigger per table: `DROP TRIGGER ... ON audit_entries`; the WHEN
-- condition takes parentheses.
--
-- The audit tree's hashes move into the entry rows (issue 16): an append then writes one row,
-- as before the tree, instead of an entry row plus two `audit_tree` rows on another page,
-- which cost a quarter of the durable append rate (ops/bench/results/audit-tree.md).
--
-- `tree_hashes` holds the hashes the entry's append stored, 32 bytes each, in storage order:
-- the entry's leaf hash, then the hash of every subtree the entry completes (as many as its
-- leaf index has trailing one bits; 64 bytes on average). The hash at storage position
-- `MerkleNode.storageIndex` is found in the entry whose append stored it
-- (`MerkleNode.appended(at:)`), so a root or proof still reads O(log n) rows by key.
-- NULL: the tree does not reach this entry yet.
ALTER TABLE audit_entries ADD COLUMN tree_hashes BYTEA
  CHECK (tree_hashes IS NULL OR (length(tree_hashes) >= 32 AND length(tree_hashes) % 32 = 0));

-- The old table goes. SQL cannot hash, and the stored hashes are never trusted anyway: the
-- first open after this migration rebuilds the tree from the entries (`AuditTreeUpgrade`,
-- as for a log from before migration 0011), once the hash chain and checkpoints verified.
DROP TABLE audit_tree;

-- The entries stay append-only; `tree_hashes` may be written once, when it is NULL.
DROP TRIGGER audit_entries_refuse_update ON audit_entries;
CREATE TRIGGER audit_entries_refuse_update BEFORE UPDATE OF sequence, time_ms, actor,
  actor_service, action, resource_type, resource_id, recipient_id, decision, policy_ids,
  purpose, break_glass, request_id, channel, outcome, hash, encoding, os_user, policy_digest
  ON audit_entries
FOR EACH ROW EXECUTE FUNCTION refuse_change('audit entries are append-only');
CREATE TRIGGER audit_entries_tree_hashes_once BEFORE UPDATE OF tree_hashes ON audit_entries
FOR EACH ROW WHEN (OLD.tree_hashes IS NOT NULL)
EXECUTE FUNCTION refuse_change('the audit tree is append-only');
