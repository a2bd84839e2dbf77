-- Proposed themes for a body's meetings (issue 24; seed 001: "Forslag om temaemne til
-- kredsrådsmødet"): a member proposes one for a meeting or the body's next; the coordinator takes
-- it onto an agenda (the item then names it) or declines it with a reply.

CREATE TABLE meeting_themes (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  group_id BIGINT REFERENCES work_groups (id) ON DELETE SET NULL,
  -- The meeting proposed for; NULL: the body's next one.
  meeting_id BIGINT REFERENCES meetings (id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  reason TEXT NOT NULL DEFAULT '',
  proposed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  reply TEXT NOT NULL DEFAULT '',
  declined_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_themes_workspace ON meeting_themes (workspace_id, group_id);

-- Taken onto an agenda: the item names the theme; deleting the item makes it open again.
ALTER TABLE meeting_items ADD COLUMN theme_id BIGINT REFERENCES meeting_themes (id) ON DELETE SET NULL;
CREATE INDEX meeting_items_theme ON meeting_items (theme_id);
