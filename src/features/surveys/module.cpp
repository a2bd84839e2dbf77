#include "features/surveys/module.hpp"

#include "core/i18n/catalog.hpp"
#include "features/surveys/cli.hpp"
#include "features/surveys/exchange.hpp"
#include "features/surveys/model.hpp"
#include "features/surveys/pages.hpp"

namespace samtryg::surveys {

namespace {

class SurveysModule final : public module::Module {
 public:
  std::string_view name() const override { return "surveys"; }
  void add_routes(web::App& app) const override { surveys::add_routes(app); }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return surveys::exchange_section();
  }
  // Tryg Aalborg's evaluation of the prevention seminars (seed 000: response rate about 40 %,
  // 84,9 % agreeing) and Landskrona's safety survey (seed 004's two questions); the figures the
  // seeds do not give are marked as example data.
  std::string_view demo_folder() const override { return "src/features/surveys/data/"; }
  std::vector<std::string> runtime_message_keys() const override {
    return i18n::runtime_keys({{"survey_kind_", kKinds}},
                              // The example-data notes name the made-up fields.
                              {"survey_result_respondents", "survey_result_invited",
                               "survey_result_percents", "survey_description"});
  }
};

}  // namespace

const module::Module& module() {
  static const SurveysModule instance;
  return instance;
}

}  // namespace samtryg::surveys
