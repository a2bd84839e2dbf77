-- What a citizen promise rests on and what delivers it (issue 23): the survey questions whose
-- results show the problem (the share who feel unsafe), and the activities of its initiatives
-- that carry it out, so the promise's story runs from the evidence to the actions.
CREATE TABLE promise_survey_questions (
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  question_id BIGINT NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
  PRIMARY KEY (promise_id, question_id)
);

CREATE TABLE promise_activities (
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  PRIMARY KEY (promise_id, activity_id)
);
