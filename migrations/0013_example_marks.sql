-- Example data: which fields of a record hold figures, dates or states the demo fills in where
-- the seed documents give none (core/demo/marks.hpp). `kind` is a record kind of the workspace
-- document ("initiative", "round" …); `fields` the field names, comma-separated.

CREATE TABLE example_marks (
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
  record_id BIGINT NOT NULL,
  fields TEXT NOT NULL CHECK (length(fields) BETWEEN 1 AND 1000),
  PRIMARY KEY (workspace_id, kind, record_id)
);
