-- Safety walks (issue 22): a walk through an area with residents, people working there, the
-- municipality, the police and the property owners; the places found on the way; and the
-- action list that follows. Residents are counted per category, never named.

CREATE TABLE walks (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  initiative_id BIGINT REFERENCES initiatives (id) ON DELETE SET NULL,
  indicator_id BIGINT REFERENCES indicators (id) ON DELETE SET NULL,
  area TEXT NOT NULL CHECK (length(area) BETWEEN 1 AND 200),
  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  season TEXT NOT NULL CHECK (season IN ('spring', 'summer', 'autumn', 'winter')),
  walk_date TEXT NOT NULL DEFAULT '',
  start_time TEXT NOT NULL DEFAULT '',
  meeting_point TEXT NOT NULL DEFAULT '',
  route TEXT NOT NULL DEFAULT '',
  organisers TEXT NOT NULL DEFAULT '',
  recruitment TEXT NOT NULL DEFAULT '',
  invitation TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('planned', 'walked', 'followed_up', 'published')),
  follow_up_date TEXT NOT NULL DEFAULT '',
  counted INTEGER NOT NULL DEFAULT 0,
  residents INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
  workers INTEGER NOT NULL DEFAULT 0 CHECK (workers >= 0),
  municipality INTEGER NOT NULL DEFAULT 0 CHECK (municipality >= 0),
  police INTEGER NOT NULL DEFAULT 0 CHECK (police >= 0),
  property_owners INTEGER NOT NULL DEFAULT 0 CHECK (property_owners >= 0),
  others INTEGER NOT NULL DEFAULT 0 CHECK (others >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX walks_workspace ON walks (workspace_id, year);

-- Groups walking parallel routes, each with its guide: method guides keep a group to about 20.
CREATE TABLE walk_groups (
  id {{id}},
  walk_id BIGINT NOT NULL REFERENCES walks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  guide TEXT NOT NULL DEFAULT '',
  route TEXT NOT NULL DEFAULT ''
);
CREATE INDEX walk_groups_walk ON walk_groups (walk_id);

-- A place noted on the walk. client_key: the key a phone gave a finding it recorded offline,
-- so sending it again when the connection returns does not add it twice.
CREATE TABLE walk_findings (
  id {{id}},
  walk_id BIGINT NOT NULL REFERENCES walks (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  category TEXT NOT NULL CHECK (category IN ('lighting', 'vegetation', 'litter_graffiti',
    'traffic', 'hidden_corners', 'empty_premises', 'behaviour', 'other')),
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  public INTEGER NOT NULL DEFAULT 0,
  follow_up TEXT NOT NULL DEFAULT '' CHECK (follow_up IN ('', 'fixed', 'partly', 'not_fixed')),
  follow_up_note TEXT NOT NULL DEFAULT '',
  client_key TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX walk_findings_number ON walk_findings (walk_id, number);
CREATE INDEX walk_findings_client_key ON walk_findings (walk_id, client_key);

-- The action list: what is to be done about a finding, by whom, by when, and how it ended.
-- "done" is the only state that means fixed; declined and referred close an action unfixed.
CREATE TABLE walk_actions (
  id {{id}},
  finding_id BIGINT NOT NULL REFERENCES walk_findings (id) ON DELETE CASCADE,
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  responsible_party TEXT NOT NULL DEFAULT '',
  owner_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  due_date TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL
    CHECK (status IN ('open', 'in_progress', 'done', 'declined', 'referred')),
  status_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX walk_actions_finding ON walk_actions (finding_id);
CREATE INDEX walk_actions_owner ON walk_actions (owner_user_id, status);
