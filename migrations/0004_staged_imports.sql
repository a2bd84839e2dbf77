-- A statistics file between upload and confirm (issue 5's two-step import): nothing reaches
-- indicator_values until the user confirms the mapping; the file is removed then.
CREATE TABLE staged_imports (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
  plan_id BIGINT REFERENCES plans (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX staged_imports_workspace ON staged_imports (workspace_id);
