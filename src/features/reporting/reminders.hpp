#pragma once
// Reminder e-mails to the leads of forms that are not submitted: due ones are found by the
// rule in model.hpp (reminder_due), recorded before sending (one of each kind per form, even
// with several servers), and taken back when the SMTP server refuses, so the next check
// tries again. Run by the server every reminder_check_minutes, by `samtryg reminders send`,
// and by the coordinators' button on a round's page.
#include <optional>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/db/database.hpp"
#include "core/module/jobs.hpp"
#include "features/reporting/records.hpp"

namespace samtryg::reporting {

struct ReminderOutcome {
  int sent = 0;
  std::vector<std::string> without_address;  // initiatives whose lead has no account
  std::vector<std::string> failures;         // "Et trygt natteliv: sending to … failed: …"
};

// Sends the reminders due on `today` for one round, one workspace, or everything (0, 0).
ReminderOutcome send_due_reminders(db::Database& database, const config::Config& settings,
                                   std::string_view today, long long workspace_id,
                                   long long round_id);

// The server's check for due reminders every reminder_check_minutes, when e-mail is set up
// (smtp_url); none otherwise.
std::vector<module::Job> reminder_jobs(const config::Config& settings);

// The subject and text of a reminder, in the lead's language (no I/O; tested on its own).
struct ReminderText {
  std::string subject;
  std::string body;
};
ReminderText reminder_text(const ReminderCandidate& candidate, ReminderKind kind,
                           const std::string& form_url);

}  // namespace samtryg::reporting
