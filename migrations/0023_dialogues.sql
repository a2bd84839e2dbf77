-- Citizen dialogues (issue 23): where and how residents were heard, who took part (counted per
-- group, never named) and the problems they raised, as themes the citizen promises draw on.

CREATE TABLE dialogues (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  walk_id BIGINT REFERENCES walks (id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  place TEXT NOT NULL DEFAULT '',
  held_on TEXT NOT NULL,
  format TEXT NOT NULL
    CHECK (format IN ('meeting', 'street_stand', 'school', 'walk', 'online', 'other')),
  partners TEXT NOT NULL DEFAULT '',
  residents INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
  young_people INTEGER NOT NULL DEFAULT 0 CHECK (young_people >= 0),
  business_owners INTEGER NOT NULL DEFAULT 0 CHECK (business_owners >= 0),
  police INTEGER NOT NULL DEFAULT 0 CHECK (police >= 0),
  municipality INTEGER NOT NULL DEFAULT 0 CHECK (municipality >= 0),
  others INTEGER NOT NULL DEFAULT 0 CHECK (others >= 0),
  summary TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX dialogues_workspace ON dialogues (workspace_id, held_on);

-- A problem raised: how many raised it (mentions) and/or where it ranked, in the staff's words.
CREATE TABLE dialogue_themes (
  id {{id}},
  dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  mentions INTEGER CHECK (mentions >= 0),
  ranking INTEGER CHECK (ranking >= 1),
  summary TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX dialogue_themes_dialogue ON dialogue_themes (dialogue_id, position);
