#pragma once
// Every SQL statement of the reporting cycle. Functions take a borrowed session so the command
// decides the transaction; lookups are scoped to a workspace, so a round or form of another
// workspace is simply not found. Templates and answers are stored as JSON text.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "features/reporting/records.hpp"

namespace samtryg::reporting {

namespace store {

// Keeps the round's created_at and updated_at when given (an import); otherwise now.
long long insert_round(soci::session& sql, const Round& round);
std::optional<Round> find_round(soci::session& sql, long long workspace_id, long long id);
std::vector<Round> rounds(soci::session& sql, long long workspace_id, long long plan_id);
// Every round of the workspace, oldest first (the exchange format's order).
std::vector<Round> all_rounds(soci::session& sql, long long workspace_id);
// The round's report on the public site from `day` ("" takes it off).
void set_round_published(soci::session& sql, long long round_id, const std::string& day);
// The rounds whose report is on the public site, the latest period first.
std::vector<Round> published_rounds(soci::session& sql, long long workspace_id);
// The workspace a round or form belongs to, for tools that act across workspaces (the CLI).
std::optional<long long> workspace_of_round(soci::session& sql, long long round_id);
std::optional<long long> workspace_of_form(soci::session& sql, long long form_id);
bool round_name_taken(soci::session& sql, long long plan_id, const std::string& name);

long long insert_form(soci::session& sql, const Form& form);
// The form and its row, when its round is in the workspace.
std::optional<FormRow> find_form(soci::session& sql, long long workspace_id, long long id);
std::vector<FormRow> round_forms(soci::session& sql, long long round_id);
// Every form of the workspace's rounds, the next deadline first (the coordinators' queue).
std::vector<AssignedForm> workspace_forms(soci::session& sql, long long workspace_id);
std::vector<AssignedForm> forms_led_by(soci::session& sql, long long workspace_id,
                                       long long user_id);
// False when the stored row_version differs from form.row_version (someone saved first).
bool update_form(soci::session& sql, const Form& form);
// False when the stored summary_version differs (someone wrote the summary first).
bool update_summary(soci::session& sql, long long form_id, const std::string& summary,
                    long long summary_version);

// Back-dates a submission (the demo's historical round); the workflow sets it to now.
void set_submitted_at(soci::session& sql, long long form_id, const std::string& submitted_at,
                      bool late);

void insert_revision(soci::session& sql, const Revision& revision);
std::vector<Revision> revisions(soci::session& sql, long long form_id);

// Forms in draft or returned, of every workspace or one (0), or of one round (0: all).
std::vector<ReminderCandidate> reminder_candidates(soci::session& sql, long long workspace_id,
                                                   long long round_id);
// The reminders already sent for the forms of a round (0: of a workspace; both 0: all).
std::vector<SentReminder> sent_reminders(soci::session& sql, long long workspace_id,
                                         long long round_id);
// Records a reminder before it is sent. False when one of that kind was already recorded for
// the form (another server got there first): then it is not sent again.
bool claim_reminder(soci::session& sql, const SentReminder& reminder);
// Takes the record back when sending failed, so the next check tries again.
void release_reminder(soci::session& sql, long long form_id, ReminderKind kind);

// Keeps the chapter's updated_at when given (an import); otherwise now.
// The unsaved fields of a form as one person's page last sent them (migration 0008).
void put_autosave(soci::session& sql, const Autosave& autosave);
std::optional<Autosave> find_autosave(soci::session& sql, long long form_id, long long user_id);
void delete_autosave(soci::session& sql, long long form_id, long long user_id);

long long insert_chapter(soci::session& sql, const Chapter& chapter);
std::vector<Chapter> chapters(soci::session& sql, long long round_id);
bool update_chapter(soci::session& sql, const Chapter& chapter);

WorkspaceLook workspace_look(soci::session& sql, long long workspace_id);
void set_workspace_logo(soci::session& sql, long long workspace_id, const std::string& svg);

}  // namespace store

}  // namespace samtryg::reporting
