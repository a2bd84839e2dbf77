-- An activity or form item may have the status 'unknown': the source says "no information"
-- about it (seed 000, Skalborg Borgerhjælp: "Ingen informationer herom"), which is neither
-- done nor cancelled. SQLite cannot change a CHECK constraint in place, so its table is
-- rebuilt; nothing refers to activities, so the rebuild loses no reference.
-- @postgresql
ALTER TABLE activities DROP CONSTRAINT activities_status_check;
ALTER TABLE activities ADD CONSTRAINT activities_status_check
  CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled', 'unknown'));
-- @sqlite
CREATE TABLE activities_rebuilt (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('activity', 'communication', 'measurement')),
  status TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled', 'unknown')),
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
INSERT INTO activities_rebuilt (id, workspace_id, initiative_id, title, description, kind, status,
  planned_when, done_when, responsible, links, channel, likes, reactions, shares, reach, views,
  position, created_at, updated_at, row_version)
SELECT id, workspace_id, initiative_id, title, description, kind, status, planned_when,
  done_when, responsible, links, channel, likes, reactions, shares, reach, views, position,
  created_at, updated_at, row_version
FROM activities;
DROP TABLE activities;
ALTER TABLE activities_rebuilt RENAME TO activities;
CREATE INDEX activities_initiative ON activities (initiative_id, position);
-- @all
