-- The reporting cycle (issue 4): rounds, one form per initiative per round with its workflow
-- and every saved revision, and the compiled report's chapters. A round keeps its own copy of
-- the form template (JSON), so changing a template never makes old answers unreadable.

CREATE TABLE report_rounds (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  deadline TEXT NOT NULL,
  template_key TEXT NOT NULL,
  template TEXT NOT NULL,
  previous_round_id BIGINT REFERENCES report_rounds (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX report_rounds_name ON report_rounds (plan_id, name);

CREATE TABLE report_forms (
  id {{id}},
  round_id BIGINT NOT NULL REFERENCES report_rounds (id) ON DELETE CASCADE,
  initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  content TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0,
  submitted_at TEXT NOT NULL DEFAULT '',
  late INTEGER NOT NULL DEFAULT 0,
  comment TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX report_forms_initiative ON report_forms (round_id, initiative_id);
CREATE INDEX report_forms_by_initiative ON report_forms (initiative_id);

CREATE TABLE report_form_revisions (
  id {{id}},
  form_id BIGINT NOT NULL REFERENCES report_forms (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  status TEXT NOT NULL,
  content TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX report_form_revisions_number ON report_form_revisions (form_id, revision);

CREATE TABLE report_chapters (
  id {{id}},
  round_id BIGINT NOT NULL REFERENCES report_rounds (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  chapter_key TEXT NOT NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX report_chapters_key ON report_chapters (round_id, chapter_key);

-- The workspace's logo on the report's title page and in its header (an SVG document).
ALTER TABLE workspaces ADD COLUMN logo_svg TEXT NOT NULL DEFAULT '';
