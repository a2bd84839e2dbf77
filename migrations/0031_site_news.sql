-- News on the public site (issue 25; seed 002 lists Tryg Aalborg's, e.g. "Samskabelse om et
-- trygt natteliv", 23.10.2017): Markdown, one photo at most, about the partnership or one
-- initiative, public from its day. The photo is kept re-encoded (no metadata) as base64, as the
-- walks' photos are.

CREATE TABLE site_news (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  initiative_id BIGINT REFERENCES initiatives (id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body TEXT NOT NULL DEFAULT '',
  published_on TEXT NOT NULL DEFAULT '',
  image TEXT NOT NULL DEFAULT '',
  image_sha256 TEXT NOT NULL DEFAULT '',
  image_alt TEXT NOT NULL DEFAULT '',
  image_width INTEGER NOT NULL DEFAULT 0,
  image_height INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX site_news_workspace ON site_news (workspace_id, published_on);
