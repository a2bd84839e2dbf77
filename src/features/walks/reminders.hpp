#pragma once
// Reminder e-mails to the owners of walk actions: before the due date (reminder_days_before,
// as for forms) and once it has passed, each once per action (model.hpp: reminder_due),
// recorded before sending and taken back when the mail server refuses. Run by the server with
// the forms' reminders (reminder_check_minutes) when e-mail is set up.
#include <string>
#include <string_view>
#include <vector>

#include "core/config/config.hpp"
#include "core/db/database.hpp"
#include "core/module/jobs.hpp"

namespace samtryg::walks {

struct ActionReminders {
  int sent = 0;
  std::vector<std::string> failures;
};

ActionReminders send_action_reminders(db::Database& database, const config::Config& settings,
                                      std::string_view today);

std::vector<module::Job> action_reminder_jobs(const config::Config& settings);

}  // namespace samtryg::walks
