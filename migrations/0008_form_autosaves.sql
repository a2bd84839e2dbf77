-- What a person has typed into a reporting form and not yet saved, sent by the page every few
-- seconds. It is not a revision (the form and its register are untouched) but a copy the page
-- offers back, on any device, after a network hiccup, a closed tab or a crash. One per person
-- and form; saving the form removes it.
CREATE TABLE report_form_autosaves (
  id {{id}},
  form_id BIGINT NOT NULL REFERENCES report_forms (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  fields TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
CREATE UNIQUE INDEX report_form_autosaves_once ON report_form_autosaves (form_id, user_id);
