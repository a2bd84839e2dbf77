#include "features/reporting/reminders.hpp"

#include <fmt/format.h>

#include <iostream>
#include <map>

#include "core/i18n/catalog.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/mail/mail.hpp"
#include "core/util/time.hpp"
#include "features/reporting/store.hpp"

namespace samtryg::reporting {

ReminderText reminder_text(const ReminderCandidate& candidate, ReminderKind kind,
                           const std::string& form_url) {
  const auto language = i18n::parse_language(candidate.lead_language).value_or(i18n::Language::da);
  const auto& catalog = i18n::Catalog::get(language);
  const i18n::Catalog::Values values{
      {"name", candidate.row.lead_name},
      {"initiative", candidate.row.initiative_name},
      {"round", candidate.round_name},
      {"deadline", i18n::format_iso_date(candidate.deadline, language)},
      {"status",
       std::string(catalog.text("form_status_" + std::string(code(candidate.row.form.status))))},
      {"url", form_url},
      {"workspace", candidate.workspace_name}};
  const std::string prefix =
      kind == ReminderKind::overdue ? "reminder_overdue_" : "reminder_before_";
  return {catalog.format(prefix + "subject", values), catalog.format(prefix + "body", values)};
}

ReminderOutcome send_due_reminders(db::Database& database, const config::Config& settings,
                                   std::string_view today, long long workspace_id,
                                   long long round_id) {
  std::vector<ReminderCandidate> candidates;
  std::map<long long, RemindersSent> sent;
  {
    auto sql = database.session();
    candidates = store::reminder_candidates(sql, workspace_id, round_id);
    for (const auto& reminder : store::sent_reminders(sql, workspace_id, round_id)) {
      auto& flags = sent[reminder.form_id];
      (reminder.kind == ReminderKind::overdue ? flags.overdue : flags.before_deadline) = true;
    }
  }
  const mail::Settings mail_settings{settings.smtp_url, settings.smtp_user, settings.smtp_password,
                                     settings.mail_from};
  ReminderOutcome outcome;
  for (const auto& candidate : candidates) {
    const auto& form = candidate.row.form;
    const auto kind = reminder_due(form.status, candidate.deadline, today,
                                   settings.reminder_days_before, sent[form.id]);
    if (!kind) continue;
    if (candidate.lead_email.empty()) {
      outcome.without_address.push_back(candidate.row.initiative_name);
      continue;
    }
    const SentReminder record{form.id, *kind, candidate.lead_email, now_iso_utc()};
    {
      // The record is written first and on its own: a second server checking at the same
      // moment finds it and sends nothing.
      auto sql = database.session();
      if (!store::claim_reminder(sql, record)) continue;
    }
    const auto text = reminder_text(
        candidate, *kind, fmt::format("{}/forms/{}", settings.effective_public_url(), form.id));
    try {
      mail::send(mail_settings,
                 {candidate.lead_email, candidate.row.lead_name, text.subject, text.body});
      ++outcome.sent;
    } catch (const mail::MailError& error) {
      auto sql = database.session();
      store::release_reminder(sql, form.id, *kind);
      outcome.failures.push_back(
          fmt::format("{}: {}", candidate.row.initiative_name, error.what()));
    }
  }
  return outcome;
}

std::vector<module::Job> reminder_jobs(const config::Config& settings) {
  if (settings.smtp_url.empty() || settings.reminder_check_minutes <= 0) return {};
  return {{"reminder check", std::chrono::minutes(settings.reminder_check_minutes),
           [](db::Database& database, const config::Config& config) {
             const auto outcome = send_due_reminders(database, config, today_iso_utc(), 0, 0);
             for (const auto& failure : outcome.failures) {
               std::cerr << "samtryg: reminder not sent: " << failure << '\n';
             }
           }}};
}

}  // namespace samtryg::reporting
