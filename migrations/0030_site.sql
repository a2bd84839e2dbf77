-- The public site (issue 25): per workspace, whether it is public, its address path
-- (/p/{slug}) or own host name, its colour, who answers for its content, and the accessibility
-- statement's fields. Nothing is public until a coordinator enables it.

CREATE TABLE site_settings (
  workspace_id BIGINT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  enabled INTEGER NOT NULL DEFAULT 0,
  slug TEXT NOT NULL,
  host TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL DEFAULT '#1d4f91',
  responsible TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  statement_published TEXT NOT NULL DEFAULT '',
  statement_reviewed TEXT NOT NULL DEFAULT '',
  known_issues TEXT NOT NULL DEFAULT '',
  feedback_url TEXT NOT NULL DEFAULT '',
  authority_url TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX site_settings_slug ON site_settings (slug);
