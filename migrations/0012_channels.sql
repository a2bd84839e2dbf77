-- A workspace's own communication channels (a local paper, the city's intranet), offered beside
-- the built-in ones. An activity stores the channel's name; the name may not be a built-in code.

CREATE TABLE channels (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX channels_name ON channels (workspace_id, name);
