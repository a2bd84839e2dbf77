#include "features/walks/module.hpp"

#include "core/i18n/catalog.hpp"
#include "features/walks/base_map.hpp"
#include "features/walks/cli.hpp"
#include "features/walks/exchange.hpp"
#include "features/walks/model.hpp"
#include "features/walks/pages.hpp"
#include "features/walks/reminders.hpp"

namespace samtryg::walks {

namespace {

class WalksModule final : public module::Module {
 public:
  std::string_view name() const override { return "walks"; }
  void add_routes(web::App& app) const override { walks::add_routes(app); }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
  std::vector<module::Job> jobs(const config::Config& settings) const override {
    return action_reminder_jobs(settings);
  }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return walks::exchange_section();
  }
  // Landskrona's walk cycle of 2016; the findings and actions the seed does not give are
  // marked as example data.
  std::string_view demo_folder() const override { return "src/features/walks/data/"; }
  std::vector<std::string> runtime_message_keys() const override {
    static constexpr std::string_view kMoves[] = {"planned", "walked", "followed_up", "published"};
    return i18n::runtime_keys({{"walk_status_", kStatuses},
                               {"walk_move_to_", kMoves},
                               {"walk_season_", kSeasons},
                               {"walk_season_in_", kSeasons},
                               {"walk_recruitment_", kRecruitmentChannels},
                               {"walk_count_", kParticipantCategories},
                               {"walk_category_", kFindingCategories},
                               {"walk_severity_", kSeverities},
                               {"walk_action_status_", kActionStatuses},
                               {"walk_follow_up_", kFollowUps},
                               {"walk_photo_stage_", kPhotoStages},
                               {"walk_base_map_", kBaseMapProblems},
                               {"walk_base_map_system_", kBaseMapSystemChoices}},
                              {"audit_action_walk_checked", "walk_reminder_before_due_subject",
                               "walk_reminder_before_due_body", "walk_reminder_overdue_subject",
                               "walk_reminder_overdue_body",
                               // The example-data note names the made-up fields.
                               "walk_finding_follow_up", "walk_finding_actions"});
  }
};

}  // namespace

const module::Module& module() {
  static const WalksModule instance;
  return instance;
}

}  // namespace samtryg::walks
