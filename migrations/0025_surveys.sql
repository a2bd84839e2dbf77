-- Surveys as data (issue 23): the police's trygghetsmätning, Politiets Tryghedsindeks, NTU or a
-- partner's own questionnaire; per wave, area and question the respondents, how many were asked,
-- and the share who gave each answer. A question may feed an indicator with the share of its
-- answers that count (those who feel safe), so targets and charts follow the survey.

CREATE TABLE surveys (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('police_survey', 'national_survey', 'own_questionnaire', 'other')),
  publisher TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX surveys_workspace ON surveys (workspace_id);

-- A round of the survey, named by its period (2016, 2017/18 …) as indicators name theirs.
CREATE TABLE survey_waves (
  id {{id}},
  survey_id BIGINT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  period TEXT NOT NULL,
  fielded TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX survey_waves_period ON survey_waves (survey_id, period);

CREATE TABLE survey_questions (
  id {{id}},
  survey_id BIGINT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  share_label TEXT NOT NULL DEFAULT '',
  indicator_id BIGINT REFERENCES indicators (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX survey_questions_survey ON survey_questions (survey_id, position);

-- The answers a question offers, in order; those in the share make up the question's share.
CREATE TABLE survey_options (
  id {{id}},
  question_id BIGINT NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  in_share INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX survey_options_position ON survey_options (question_id, position);

-- One question's answers in one wave and area (no area: the whole survey population).
CREATE TABLE survey_results (
  id {{id}},
  wave_id BIGINT NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
  question_id BIGINT NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
  area_id BIGINT REFERENCES areas (id) ON DELETE CASCADE,
  area_key BIGINT NOT NULL DEFAULT 0,
  respondents INTEGER CHECK (respondents >= 0),
  invited INTEGER CHECK (invited >= 0),
  updated_at TEXT NOT NULL
);
-- area_key is the area's id or 0, so "no area" is unique too (NULLs never collide).
CREATE UNIQUE INDEX survey_results_key ON survey_results (wave_id, question_id, area_key);

-- The percentage who gave each answer.
CREATE TABLE survey_answers (
  result_id BIGINT NOT NULL REFERENCES survey_results (id) ON DELETE CASCADE,
  option_position INTEGER NOT NULL,
  percent DOUBLE PRECISION NOT NULL CHECK (percent >= 0 AND percent <= 100),
  PRIMARY KEY (result_id, option_position)
);

-- A statistics file between upload and confirm, as the indicators' import keeps its own.
CREATE TABLE survey_imports (
  id {{id}},
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  survey_id BIGINT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX survey_imports_workspace ON survey_imports (workspace_id);
