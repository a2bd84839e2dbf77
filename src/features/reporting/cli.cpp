#include "features/reporting/cli.hpp"

#include <fmt/format.h>

#include <iostream>

#include "core/auth/store.hpp"
#include "core/i18n/clock.hpp"
#include "core/util/time.hpp"
#include "core/validation/fields.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/reminders.hpp"
#include "features/reporting/report.hpp"

namespace samtryg::reporting {

namespace {

struct ReportCommand {
  long long round = 0;
  long long form = 0;
  std::string format = "pdf";
  std::string out;
  bool unanswered = false;
};

int report_command(cli::Invocation& run, const ReportCommand& options) {
  if (options.round == 0 && options.form == 0) throw cli::BadInput("give --round ID or --form ID");
  auto& database = run.database();
  const auto workspace_id = options.round != 0 ? workspace_of_round(database, options.round)
                                               : workspace_of_form(database, options.form);
  if (!workspace_id) {
    throw cli::BadInput(options.round != 0 ? fmt::format("there is no round {}", options.round)
                                           : fmt::format("there is no form {}", options.form));
  }
  const auto actor = auth::Actor::tool(*workspace_id, "cli");
  std::string time_zone;
  {
    auto sql = database.session();
    time_zone = auth::workspace_time_zone(sql, *workspace_id);
  }
  const i18n::ClockScope clock(time_zone);
  if (options.form != 0 && options.format == "xlsx") {
    throw cli::BadInput("a single form is written as pdf, docx or html");
  }
  const auto file = options.round != 0
                        ? render_report(database, run.hooks(), actor, options.round, options.format,
                                        {.unanswered = options.unanswered})
                        : render_form(database, actor, options.form, options.format);
  cli::write_output(options.out, file.bytes);
  if (options.out != "-") {
    std::cerr << fmt::format("samtryg: wrote {} ({} bytes)\n", options.out, file.bytes.size());
  }
  return 0;
}

int reminders_command(cli::Invocation& run, std::string today) {
  const auto& settings = run.settings();
  if (settings.smtp_url.empty()) throw cli::BadInput("set smtp_url first (samtryg.conf.example)");
  if (today.empty()) today = today_iso_utc();
  if (!validation::is_iso_date(today)) throw cli::BadInput("--today needs YYYY-MM-DD");
  const auto outcome = send_due_reminders(run.database(), settings, today, 0, 0);
  std::cout << fmt::format("Sent {} reminders.\n", outcome.sent);
  for (const auto& name : outcome.without_address) {
    std::cout << fmt::format("Not sent (the lead has no account): {}\n", name);
  }
  for (const auto& failure : outcome.failures) std::cerr << "samtryg: " << failure << '\n';
  return outcome.failures.empty() ? 0 : cli::kRuntimeFailure;
}

void add_report_command(cli::Commands& commands) {
  auto options = std::make_shared<ReportCommand>();
  auto& report = commands.add(
      "report", "write a round's compiled report (or one form) as PDF, DOCX, HTML or XLSX",
      [options](cli::Invocation& run) { return report_command(run, *options); });
  auto* round = report.add_option("--round", options->round, "the reporting round's id");
  report.add_option("--form", options->form, "one form's id instead of the whole report")
      ->excludes(round);
  report.add_option("--format", options->format, "pdf, docx, html or xlsx")
      ->check(CLI::IsMember({"pdf", "docx", "html", "xlsx"}))
      ->capture_default_str();
  report.add_option("--out", options->out, "the file to write; - writes stdout")->required();
  report.add_flag("--unanswered", options->unanswered,
                  "include unanswered fields and the form template's guidance in the annex");
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  add_report_command(commands);
  auto today = std::make_shared<std::string>();
  auto& send = commands.add(
      commands.group("reminders",
                     "e-mail leads whose forms are due soon or overdue (for cron; see smtp_url)"),
      "send", "send the reminders due today; each is sent only once",
      [today](cli::Invocation& run) { return reminders_command(run, *today); });
  send.add_option("--today", *today, "act as if today were YYYY-MM-DD");
}

}  // namespace samtryg::reporting
