-- Reminder e-mails already sent to the owners of walk actions: one before the due date and one
-- when it has passed, each at most once per action, even with several servers checking.
CREATE TABLE walk_action_reminders (
  action_id BIGINT NOT NULL REFERENCES walk_actions (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('before_due', 'overdue')),
  recipient TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (action_id, kind)
);
