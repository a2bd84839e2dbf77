#include "features/dialogues/module.hpp"

#include "core/i18n/catalog.hpp"
#include "features/dialogues/cli.hpp"
#include "features/dialogues/exchange.hpp"
#include "features/dialogues/model.hpp"
#include "features/dialogues/pages.hpp"

namespace samtryg::dialogues {

namespace {

class DialoguesModule final : public module::Module {
 public:
  std::string_view name() const override { return "dialogues"; }
  void add_routes(web::App& app) const override { dialogues::add_routes(app); }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return dialogues::exchange_section();
  }
  // Landskrona's dialogues of 2016, from which its citizen promises were drawn; the dates,
  // places, counts and summaries the seed does not give are marked as example data.
  std::string_view demo_folder() const override { return "src/features/dialogues/data/"; }
  std::vector<std::string> runtime_message_keys() const override {
    return i18n::runtime_keys(
        {{"dialogue_format_", kFormats}, {"dialogue_count_", kParticipantGroups}},
        // The example-data notes name the made-up fields.
        {"dialogue_participants", "dialogue_theme_mentions", "dialogue_theme_rank",
         "dialogue_theme_summary"});
  }
};

}  // namespace

const module::Module& module() {
  static const DialoguesModule instance;
  return instance;
}

}  // namespace samtryg::dialogues
