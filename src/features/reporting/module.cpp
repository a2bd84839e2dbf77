#include "features/reporting/module.hpp"

#include "core/i18n/catalog.hpp"
#include "features/reporting/cli.hpp"
#include "features/reporting/demo.hpp"
#include "features/reporting/exchange.hpp"
#include "features/reporting/model.hpp"
#include "features/reporting/pages.hpp"
#include "features/reporting/reminders.hpp"
#include "features/reporting/report.hpp"

namespace samtryg::reporting {

namespace {

class ReportingModule final : public module::Module {
 public:
  std::string_view name() const override { return "reporting"; }
  void add_routes(web::App& app) const override { reporting::add_routes(app); }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return reporting::exchange_section();
  }
  void seed_demo(demo::Seed& seed) const override { reporting::seed_demo(seed); }
  std::vector<module::Job> jobs(const config::Config& settings) const override {
    return reminder_jobs(settings);
  }
  std::vector<std::string> runtime_message_keys() const override {
    static constexpr std::string_view kChapters[] = {"about", "indicator", "awareness",
                                                     "initiatives", "assessment"};
    static constexpr std::string_view kFormStatuses[] = {"draft", "submitted", "returned",
                                                         "approved"};
    static constexpr std::string_view kReminders[] = {"before_subject", "before_body",
                                                      "overdue_subject", "overdue_body"};
    static constexpr std::string_view kReminderKinds[] = {"before_deadline", "overdue"};
    return i18n::runtime_keys({{"chapter_", kChapters},
                               {"item_status_", kItemStatuses},
                               {"form_status_", kFormStatuses},
                               {"format_", kReportFormats},
                               {"reminder_", kReminders},
                               {"round_reminder_", kReminderKinds}},
                              // The demo round's example marks ("round_" + field).
                              {"round_form_states", "round_published_on"});
  }
};

}  // namespace

const module::Module& module() {
  static const ReportingModule instance;
  return instance;
}

}  // namespace samtryg::reporting
