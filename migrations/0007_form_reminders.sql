-- Reminder e-mails sent about a reporting form: at most one of each kind per form, so several
-- app servers (or a server and a cron job) checking at once never send one twice.
CREATE TABLE report_form_reminders (
  id {{id}},
  form_id BIGINT NOT NULL REFERENCES report_forms (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('before_deadline', 'overdue')),
  recipient TEXT NOT NULL,
  sent_at TEXT NOT NULL
);
CREATE UNIQUE INDEX report_form_reminders_once ON report_form_reminders (form_id, kind);
