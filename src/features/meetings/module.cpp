#include "features/meetings/module.hpp"

#include "core/i18n/catalog.hpp"
#include "features/meetings/cli.hpp"
#include "features/meetings/dated_sources.hpp"
#include "features/meetings/exchange.hpp"
#include "features/meetings/model.hpp"
#include "features/meetings/pages.hpp"

namespace samtryg::meetings {

namespace {

class MeetingsModule final : public module::Module {
 public:
  std::string_view name() const override { return "meetings"; }
  void add_routes(web::App& app) const override { meetings::add_routes(app); }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return meetings::exchange_section();
  }
  // Aalborg's local council in 2014 (seed 001: the action plan approved on 22 January, a
  // quarterly ordinary meeting with the crime picture per focus area) and Landskrona's tertial
  // follow-up (seed 004); times, places, minutes and action items the seeds do not give are
  // marked as example data.
  std::string_view demo_folder() const override { return "src/features/meetings/data/"; }
  std::vector<std::string> runtime_message_keys() const override {
    return i18n::runtime_keys(
        {{"meeting_status_", kStatuses}, {"dated_kind_", kDatedKinds}},
        // The example-data notes name the made-up fields.
        {"meeting_starts_at", "meeting_place", "meeting_items", "meeting_approvals",
         "meeting_theme_proposer", "meeting_theme_proposal_date"});
  }
};

}  // namespace

const module::Module& module() {
  static const MeetingsModule instance;
  return instance;
}

}  // namespace samtryg::meetings
