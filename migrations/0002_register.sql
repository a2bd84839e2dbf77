-- The strategy register: partner parties, plans and their focus areas, initiatives with their
-- status history, groups, activities, attached documents, API tokens and the search index.
-- Dates are ISO text: 'YYYY-MM-DD' for days; activity dates may also be 'YYYY-MM' or 'ongoing'.

-- Bumped by every audited change in the workspace (core/audit): rendered pages cached under
-- an older version are never served again.
ALTER TABLE workspaces ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE parties (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('municipality', 'police', 'other')),
  position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX parties_name ON parties (workspace_id, name);

CREATE TABLE plans (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('strategy', 'cooperation_agreement', 'cooperation_plan', 'action_plan')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  previous_version_id BIGINT REFERENCES plans (id) ON DELETE SET NULL,
  parent_plan_id BIGINT REFERENCES plans (id) ON DELETE SET NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  adopted_on TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  CHECK (period_end >= period_start)
);
CREATE UNIQUE INDEX plans_name_version ON plans (workspace_id, name, version);

CREATE TABLE focus_areas (
  id {{id}},
  plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  -- a local focus area of an action plan points at the parent plan's focus area it serves
  parent_focus_area_id BIGINT REFERENCES focus_areas (id) ON DELETE SET NULL,
  position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX focus_areas_name ON focus_areas (plan_id, name);

CREATE TABLE initiatives (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  parent_initiative_id BIGINT REFERENCES initiatives (id) ON DELETE CASCADE,
  focus_area_id BIGINT REFERENCES focus_areas (id) ON DELETE SET NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  purpose TEXT NOT NULL DEFAULT '',
  goals TEXT NOT NULL DEFAULT '',
  background TEXT NOT NULL DEFAULT '',
  already_done TEXT NOT NULL DEFAULT '',
  focus TEXT NOT NULL DEFAULT '',
  lead_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  lead_title TEXT NOT NULL DEFAULT '',
  anchoring TEXT NOT NULL DEFAULT '',
  working_group TEXT NOT NULL DEFAULT '',
  themes TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT '',
  in_plan INTEGER NOT NULL DEFAULT 1,
  added_year INTEGER,
  status TEXT NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'active', 'paused', 'closed')),
  published INTEGER NOT NULL DEFAULT 1,
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
-- Names are unique per plan among top-level initiatives and per parent among sub-initiatives.
CREATE UNIQUE INDEX initiatives_name ON initiatives (plan_id, parent_initiative_id, name);
CREATE INDEX initiatives_workspace ON initiatives (workspace_id, status);
CREATE INDEX initiatives_lead ON initiatives (lead_user_id);
CREATE INDEX initiatives_parent ON initiatives (parent_initiative_id);

CREATE TABLE initiative_status_changes (
  id {{id}},
  initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'active', 'paused', 'closed')),
  changed_on TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX initiative_status_changes_initiative ON initiative_status_changes (initiative_id);

CREATE TABLE work_groups (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  initiative_id BIGINT REFERENCES initiatives (id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('steering', 'coordinators', 'planning', 'initiative', 'council', 'other')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  cadence TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX work_groups_name ON work_groups (workspace_id, name);

CREATE TABLE group_members (
  id {{id}},
  group_id BIGINT NOT NULL REFERENCES work_groups (id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  party_id BIGINT REFERENCES parties (id) ON DELETE SET NULL,
  role TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX group_members_group ON group_members (group_id);

CREATE TABLE activities (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('activity', 'communication', 'measurement')),
  status TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled')),
  planned_when TEXT NOT NULL DEFAULT '',
  done_when TEXT NOT NULL DEFAULT '',
  responsible TEXT NOT NULL DEFAULT '',
  links TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL DEFAULT '',
  likes BIGINT,
  reactions BIGINT,
  shares BIGINT,
  reach BIGINT,
  views BIGINT,
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_initiative ON activities (initiative_id, position);

CREATE TABLE documents (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  plan_id BIGINT REFERENCES plans (id) ON DELETE CASCADE,
  initiative_id BIGINT REFERENCES initiatives (id) ON DELETE CASCADE,
  filename TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  -- base64 text: SOCI 4.0 binds text the same way on both backends, but blobs not (its
  -- PostgreSQL blobs are large objects, not BYTEA). A third more space for files of ≤ 8 MB.
  content_base64 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX documents_initiative ON documents (initiative_id);
CREATE INDEX documents_plan ON documents (plan_id);

-- Only the SHA-256 of a token is stored, as for sessions.
CREATE TABLE api_tokens (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);

-- One row per searchable record, written by the application in the same transaction as the
-- record; each backend indexes it with its own full-text engine.
CREATE TABLE search_entries (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX search_entries_entity ON search_entries (entity, entity_id);

-- @sqlite
CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, content='search_entries', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
-- @postgresql
CREATE INDEX search_entries_fts ON search_entries
  USING GIN (to_tsvector('simple', title || ' ' || body));
-- @all
