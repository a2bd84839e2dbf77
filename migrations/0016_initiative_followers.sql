-- The people who follow an initiative they do not lead: its changes come to their start page.
CREATE TABLE initiative_followers (
  initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (initiative_id, user_id)
);
CREATE INDEX initiative_followers_user ON initiative_followers (user_id);
