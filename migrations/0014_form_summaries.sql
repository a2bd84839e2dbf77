-- The summary of an initiative for the compiled report (issue 21): written by the coordinators
-- or the initiative's lead, beside the form's answers. It has its own version, so writing the
-- summary never makes the lead's open form stale, nor the other way round.
ALTER TABLE report_forms ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE report_forms ADD COLUMN summary_version INTEGER NOT NULL DEFAULT 1;
