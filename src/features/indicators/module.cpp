#include "features/indicators/module.hpp"

#include "core/i18n/catalog.hpp"
#include "features/indicators/cli.hpp"
#include "features/indicators/exchange.hpp"
#include "features/indicators/model.hpp"
#include "features/indicators/pages.hpp"

namespace samtryg::indicators {

namespace {

class IndicatorsModule final : public module::Module {
 public:
  std::string_view name() const override { return "indicators"; }
  void add_routes(web::App& app) const override { indicators::add_routes(app); }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return indicators::exchange_section();
  }
  // Tryg Aalborg's indicators, and the Landskrona agreement's targets; figures the seeds do not
  // give are marked as example data.
  std::string_view demo_folder() const override { return "src/features/indicators/data/"; }
  std::vector<std::string> runtime_message_keys() const override {
    static constexpr std::string_view kStatuses[] = {"no_data", "no_target", "met",
                                                     "not_met", "on_track",  "at_risk"};
    return i18n::runtime_keys(
        {{"indicator_status_", kStatuses},
         {"value_status_", kValueStatuses},
         {"unit_", kUnits},
         {"direction_", kDirections},
         {"source_", kSources},
         {"frequency_", kFrequencies},
         {"comparator_", kComparators}},
        {"audit_action_value_saved", "audit_action_value_removed", "audit_action_target_added",
         "audit_action_target_removed",
         // The history page's labels and words for a value's fields.
         "indicator_period", "indicator_area", "indicator_origin", "indicator_entered_by",
         "indicator_example", "indicator_import_file", "indicator_import_table", "indicator_note",
         "origin_typed", "origin_imported"});
  }
};

}  // namespace

const module::Module& module() {
  static const IndicatorsModule instance;
  return instance;
}

}  // namespace samtryg::indicators
