#include "features/walks/reminders.hpp"

#include <fmt/format.h>

#include <iostream>

#include "core/i18n/catalog.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/mail/mail.hpp"
#include "core/util/time.hpp"
#include "features/walks/naming.hpp"
#include "features/walks/store.hpp"

namespace samtryg::walks {

namespace {

mail::Message message_for(const store::ReminderCandidate& candidate, const std::string& kind,
                          const std::string& url) {
  const auto language = i18n::parse_language(candidate.owner_language).value_or(i18n::Language::da);
  const auto& catalog = i18n::Catalog::get(language);
  const auto& action = candidate.owned.action;
  const i18n::Catalog::Values values{
      {"name", candidate.owner_name},
      {"action", action.description},
      {"walk",
       walk_title(catalog, candidate.owned.area, candidate.owned.season, candidate.owned.year)},
      {"number", std::to_string(candidate.owned.finding_number)},
      {"due", i18n::format_iso_date(action.due_date, language)},
      {"url", url},
      {"workspace", candidate.workspace_name}};
  return {candidate.owner_email, candidate.owner_name,
          catalog.format("walk_reminder_" + kind + "_subject", values),
          catalog.format("walk_reminder_" + kind + "_body", values)};
}

}  // namespace

ActionReminders send_action_reminders(db::Database& database, const config::Config& settings,
                                      std::string_view today) {
  std::vector<store::ReminderCandidate> candidates;
  {
    auto sql = database.session();
    candidates = store::reminder_candidates(sql);
  }
  const mail::Settings mail_settings{settings.smtp_url, settings.smtp_user, settings.smtp_password,
                                     settings.mail_from};
  ActionReminders outcome;
  for (const auto& candidate : candidates) {
    const auto& action = candidate.owned.action;
    const auto kind = reminder_due(action, today, settings.reminder_days_before, candidate.sent);
    if (!kind || candidate.owner_email.empty()) continue;
    {
      // Recorded first and on its own: a second server checking at the same moment sends
      // nothing.
      auto sql = database.session();
      if (!store::claim_reminder(sql, action.id, *kind, candidate.owner_email)) continue;
    }
    const auto url =
        fmt::format("{}/walk-actions/{}/edit", settings.effective_public_url(), action.id);
    try {
      mail::send(mail_settings, message_for(candidate, *kind, url));
      ++outcome.sent;
    } catch (const mail::MailError& error) {
      auto sql = database.session();
      store::release_reminder(sql, action.id, *kind);
      outcome.failures.push_back(fmt::format("{}: {}", action.description, error.what()));
    }
  }
  return outcome;
}

std::vector<module::Job> action_reminder_jobs(const config::Config& settings) {
  if (settings.smtp_url.empty() || settings.reminder_check_minutes <= 0) return {};
  return {{"walk action reminder check", std::chrono::minutes(settings.reminder_check_minutes),
           [](db::Database& database, const config::Config& config) {
             const auto outcome = send_action_reminders(database, config, today_iso_utc());
             for (const auto& failure : outcome.failures) {
               std::cerr << "samtryg: action reminder not sent: " << failure << '\n';
             }
           }}};
}

}  // namespace samtryg::walks
