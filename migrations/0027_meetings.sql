-- Meetings, decisions and the year (issue 24), first part: the partnership's bodies (its groups)
-- meet; a meeting has an agenda whose items carry the minutes, numbered decisions and action
-- items with an owner and a due date; people follow meetings in their calendars through feeds,
-- a personal one behind a secret, revocable address.

CREATE TABLE meetings (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  group_id BIGINT REFERENCES work_groups (id) ON DELETE SET NULL,
  -- Meetings made together as a series ("quarterly") share the first one's id.
  series_id BIGINT,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Wall-clock times in the workspace's time zone: "2014-01-22T16:00".
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  video_url TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  -- Raised whenever the time, place or status changes: calendars take the new version.
  sequence INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meetings_workspace ON meetings (workspace_id, starts_at);

CREATE TABLE meeting_items (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  minutes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_items_meeting ON meeting_items (meeting_id, position);

-- Numbered per meeting, in the order taken, each under its agenda item.
CREATE TABLE meeting_decisions (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  item_id BIGINT NOT NULL REFERENCES meeting_items (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
  published INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX meeting_decisions_number ON meeting_decisions (meeting_id, number);

CREATE TABLE meeting_actions (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  item_id BIGINT REFERENCES meeting_items (id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  owner_user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_on TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX meeting_actions_owner ON meeting_actions (owner_user_id, status);

-- A person's calendar feed address: only the token's SHA-256 is kept; a new one revokes the old.
CREATE TABLE calendar_tokens (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX calendar_tokens_hash ON calendar_tokens (token_hash);
CREATE UNIQUE INDEX calendar_tokens_person ON calendar_tokens (workspace_id, user_id);
