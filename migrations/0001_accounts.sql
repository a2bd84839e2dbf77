-- Accounts, workspaces, roles, sessions, login throttling and the audit log.
-- Timestamps are UTC ISO-8601 text written by the application (see core/util/time.hpp).
-- {{id}} and {{blob}} are rewritten per backend by core/db/migrations.cpp.

CREATE TABLE workspaces (
  id {{id}},
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  language TEXT NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'sv', 'en')),
  created_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX workspaces_name ON workspaces (name);

CREATE TABLE users (
  id {{id}},
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  password_hash TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'sv', 'en')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
-- Emails are stored lower-cased by the application, so this index is case-insensitive.
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE memberships (
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'coordinator', 'initiative_lead', 'member', 'viewer')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- Only the SHA-256 of the session token is stored: a copy of the database opens no session.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workspace_id BIGINT REFERENCES workspaces (id) ON DELETE SET NULL,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE login_failures (
  id {{id}},
  email TEXT NOT NULL,
  client TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_client ON login_failures (client, at);

-- The audit log has no foreign keys: it must outlive what it describes.
CREATE TABLE audit_log (
  id {{id}},
  at TEXT NOT NULL,
  workspace_id BIGINT,
  user_id BIGINT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_workspace ON audit_log (workspace_id, at);
