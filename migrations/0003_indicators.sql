-- Indicators and their targets and values (issue 5). Periods are canonical codes
-- (2017, 2017Q3, 2017M09, 2017T2, 2017/18) or, for per-event indicators, ISO days.

CREATE TABLE areas (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('country', 'municipality', 'police_district',
                                     'city_district', 'housing_area', 'school', 'other')),
  code TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX areas_name ON areas (workspace_id, name);

CREATE TABLE indicators (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  plan_id BIGINT REFERENCES plans (id) ON DELETE SET NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  definition TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL
    CHECK (unit IN ('percent', 'count', 'currency', 'index_points', 'ratio', 'yes_no')),
  currency TEXT NOT NULL DEFAULT '',
  decimals INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'on_target')),
  source TEXT NOT NULL
    CHECK (source IN ('survey', 'police_statistics', 'official_statistics', 'own_registration')),
  source_note TEXT NOT NULL DEFAULT '',
  frequency TEXT NOT NULL
    CHECK (frequency IN ('year', 'school_year', 'tertial', 'quarter', 'month', 'event')),
  baseline DOUBLE PRECISION,
  baseline_period TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX indicators_name ON indicators (workspace_id, name);

CREATE TABLE indicator_links (
  id {{id}},
  indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  initiative_id BIGINT REFERENCES initiatives (id) ON DELETE CASCADE,
  focus_area_id BIGINT REFERENCES focus_areas (id) ON DELETE CASCADE,
  weight DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (weight >= 0),
  CHECK ((initiative_id IS NULL) <> (focus_area_id IS NULL))
);
CREATE INDEX indicator_links_indicator ON indicator_links (indicator_id);
CREATE INDEX indicator_links_initiative ON indicator_links (initiative_id);

CREATE TABLE indicator_targets (
  id {{id}},
  indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  comparator TEXT NOT NULL CHECK (comparator IN ('ge', 'le', 'eq', 'between')),
  value DOUBLE PRECISION NOT NULL,
  high DOUBLE PRECISION,
  period_start TEXT NOT NULL DEFAULT '',
  period_end TEXT NOT NULL DEFAULT '',
  area_id BIGINT REFERENCES areas (id) ON DELETE CASCADE,
  per_event INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicator_targets_indicator ON indicator_targets (indicator_id);

-- area_key is the area's id, or 0 for the whole plan: one unique key on both backends
-- without a NULL in it (so a re-import updates instead of duplicating).
CREATE TABLE indicator_values (
  id {{id}},
  indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  period TEXT NOT NULL,
  area_id BIGINT REFERENCES areas (id) ON DELETE CASCADE,
  area_key BIGINT NOT NULL DEFAULT 0,
  value DOUBLE PRECISION,
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  status TEXT NOT NULL CHECK (status IN ('preliminary', 'final')),
  note TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL CHECK (origin IN ('typed', 'imported')),
  entered_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  import_file TEXT NOT NULL DEFAULT '',
  import_table TEXT NOT NULL DEFAULT '',
  example INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX indicator_values_key ON indicator_values (indicator_id, period, area_key);
