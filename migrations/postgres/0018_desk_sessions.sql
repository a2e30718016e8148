-- PostgreSQL port of migrations/0018_desk_sessions.sql (mapping rules: README.md).
--
-- The desk (/desk): one-time login links printed by `samhand token create --login-link` and
-- the browser sessions they (or a pasted bearer token) start. Only the SHA-256 of each secret
-- is stored, as for bearer tokens. Neither table is an access fact: the gate decides every
-- look of a session's staff member as it decides one of the same staff member's token.

-- A login link holds for ten minutes and once: `used_at` is set by the sign-in that uses it.
CREATE TABLE desk_login_links (
  id TEXT PRIMARY KEY NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  link_hash BYTEA NOT NULL UNIQUE,
  -- The purpose the visit starts with (--purpose), or NULL to choose one on the page.
  purpose TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

-- A browser session: ended by sign-out, by idle time or at its absolute expiry.
CREATE TABLE desk_sessions (
  id TEXT PRIMARY KEY NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  session_hash BYTEA NOT NULL UNIQUE,
  -- The purpose of this visit, chosen from the desk's list; NULL until chosen.
  purpose TEXT,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
);

CREATE INDEX desk_sessions_by_staff ON desk_sessions(staff_id);
