-- Where values came from (typed by whom, or imported from which file and table, and when) is
-- stored once per import or typed entry instead of on every value row. A statistics table of a
-- million cells then writes one source row and a million narrow value rows; the per-row text
-- (origin, file, table, time) was a third of every row and of the import's time
-- (docs/performance.md). A value points at the source of its last change; the values a
-- re-import leaves unchanged keep theirs.

CREATE TABLE value_sources (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  origin TEXT NOT NULL CHECK (origin IN ('typed', 'imported')),
  entered_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  import_file TEXT NOT NULL DEFAULT '',
  import_table TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX value_sources_workspace ON value_sources (workspace_id);

INSERT INTO value_sources (workspace_id, origin, entered_by, import_file, import_table, created_at)
SELECT DISTINCT i.workspace_id, v.origin, v.entered_by, v.import_file, v.import_table,
       v.updated_at
FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id;

-- Columns in the order of the value key, so the key's index and the rows are read alike.
-- source_id has no index of its own: nothing looks values up by their source, sources go only
-- with their workspace, and on a million-row import the index cost a third of the time.
CREATE TABLE indicator_values_by_source (
  id {{id}},
  indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  area_key BIGINT NOT NULL DEFAULT 0,
  period TEXT NOT NULL,
  area_id BIGINT REFERENCES areas (id) ON DELETE CASCADE,
  value DOUBLE PRECISION,
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  status TEXT NOT NULL CHECK (status IN ('preliminary', 'final')),
  note TEXT NOT NULL DEFAULT '',
  example INTEGER NOT NULL DEFAULT 0,
  source_id BIGINT NOT NULL REFERENCES value_sources (id)
);

-- For finding each value's source below: without it every value would scan all sources, and
-- every value typed by hand has a source of its own.
CREATE INDEX value_sources_moving ON value_sources (workspace_id, created_at, import_file);

INSERT INTO indicator_values_by_source (indicator_id, area_key, period, area_id, value,
                                        numerator, denominator, status, note, example, source_id)
SELECT v.indicator_id, v.area_key, v.period, v.area_id, v.value, v.numerator, v.denominator,
       v.status, v.note, v.example,
       (SELECT MIN(s.id) FROM value_sources s
        WHERE s.workspace_id = i.workspace_id AND s.origin = v.origin
          AND COALESCE(s.entered_by, 0) = COALESCE(v.entered_by, 0)
          AND s.import_file = v.import_file AND s.import_table = v.import_table
          AND s.created_at = v.updated_at)
FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
ORDER BY v.id;

DROP INDEX value_sources_moving;
DROP TABLE indicator_values;
ALTER TABLE indicator_values_by_source RENAME TO indicator_values;
CREATE UNIQUE INDEX indicator_values_key ON indicator_values (indicator_id, area_key, period);

