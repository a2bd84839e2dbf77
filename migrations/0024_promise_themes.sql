-- The dialogue themes a citizen promise answers (issue 23): the problems residents raised, as
-- the dialogues recorded them, so a promise's story runs from the dialogue to the result.
CREATE TABLE promise_themes (
  promise_id BIGINT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  theme_id BIGINT NOT NULL REFERENCES dialogue_themes (id) ON DELETE CASCADE,
  PRIMARY KEY (promise_id, theme_id)
);
