-- Meetings, decisions and the year (issue 24), third part: the crime picture's charts kept with
-- the agenda item they were proposed for (as they stood when the agenda was set), the members'
-- approvals of the minutes (each with its time) or their approval at a later meeting, the
-- invitations sent, series that calendars read as one recurring event, and e-mail attachments
-- (the invitation's iCalendar file, the agenda as PDF).

CREATE TABLE meeting_item_figures (
  id {{id}},
  item_id BIGINT NOT NULL REFERENCES meeting_items (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  svg TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  alt TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_item_figures_item ON meeting_item_figures (item_id, position);

CREATE TABLE meeting_approvals (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  approved_at TEXT NOT NULL
);
CREATE UNIQUE INDEX meeting_approvals_person ON meeting_approvals (meeting_id, user_id);

-- The later meeting at which the minutes were approved, when they were approved there.
ALTER TABLE meetings ADD COLUMN approved_at_meeting_id BIGINT REFERENCES meetings (id) ON DELETE SET NULL;
-- The SEQUENCE the last invitation (or cancellation) went out with; -1: none sent.
ALTER TABLE meetings ADD COLUMN invited_sequence INTEGER NOT NULL DEFAULT -1;
ALTER TABLE meetings ADD COLUMN invited_at TEXT NOT NULL DEFAULT '';
-- A series' rule: every `series_months` months, `series_count` times from `series_start` (the
-- first meeting's start as planned); each meeting keeps the start the rule gave it
-- (`occurrence_at`), so a calendar can tell a moved meeting from a new one, and a deleted one
-- from one never planned. 0: no rule kept (a single meeting, or a series made before this).
ALTER TABLE meetings ADD COLUMN series_months INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN series_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN series_start TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN occurrence_at TEXT NOT NULL DEFAULT '';

-- Each invitation or cancellation queued for a person: the meeting page tells who was asked,
-- when, and whether the message still waits in the mail queue (and why).
CREATE TABLE meeting_invitations (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  recipient TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('REQUEST', 'CANCEL')),
  sequence INTEGER NOT NULL,
  queued_at TEXT NOT NULL,
  -- mail_messages' id while the message waits; the row there goes once it is sent.
  mail_message_id BIGINT NOT NULL
);
CREATE INDEX meeting_invitations_meeting ON meeting_invitations (meeting_id, id);

CREATE TABLE mail_attachments (
  id {{id}},
  message_id BIGINT NOT NULL REFERENCES mail_messages (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content_base64 TEXT NOT NULL
);
CREATE INDEX mail_attachments_message ON mail_attachments (message_id);
