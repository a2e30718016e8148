-- PostgreSQL port of migrations/0003_idempotency.sql (mapping rules: README.md).
--
-- Idempotency keys of the HTTP API: a retried create with the same key returns the first
-- answer instead of creating twice. Kept per staff member; the request is kept only as a
-- SHA-256 fingerprint and the answer only as the new resource's id and location, so nothing
-- sealed is stored here. A claim with no resource yet is a request in flight.
CREATE TABLE idempotency_keys (
  staff_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash BYTEA NOT NULL,
  resource_id TEXT,
  location TEXT,
  created_at_ms BIGINT NOT NULL,
  PRIMARY KEY (staff_id, idempotency_key)
);
