-- PostgreSQL port of migrations/0013_audit_cosignatures.sql (mapping rules: README.md).
--
-- Cosignatures that witnesses hand back to the log (issue 16): `samhand audit witness`
-- (from a data directory or against a server, POST /v1/audit/cosignatures) records here the
-- cosignature it just made, so that `samhand status` and GET /v1/audit/verify can say how far
-- the head is ahead of the newest witnessed checkpoint. Each row was checked when it was
-- stored: its note carries the text of a signed checkpoint of this log and a valid
-- cosignature of the witness key it names. The witness's own store file stays the trusted
-- record (`verify --witness`); whoever holds this database can delete rows here, which only
-- makes the log look less witnessed than it is.
CREATE TABLE audit_cosignatures (
  witness_name TEXT NOT NULL,
  -- The witness's C2SP verifier key (name+key ID+base64 key).
  witness_key TEXT NOT NULL,
  tree_size BIGINT NOT NULL,
  -- The cosignature's own timestamp (POSIX seconds) and when the log received it (ms).
  cosigned_at BIGINT NOT NULL,
  received_ms BIGINT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (witness_key, tree_size)
);
