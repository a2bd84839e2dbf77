#include "features/strategy/module.hpp"

#include "core/i18n/catalog.hpp"
#include "features/strategy/api.hpp"
#include "features/strategy/demo.hpp"
#include "features/strategy/exchange.hpp"
#include "features/strategy/model.hpp"
#include "features/strategy/pages.hpp"

namespace samtryg::strategy {

namespace {

class StrategyModule final : public module::Module {
 public:
  std::string_view name() const override { return "strategy"; }
  void add_routes(web::App& app) const override {
    strategy::add_routes(app);
    add_api_routes(app);
  }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return strategy::exchange_section();
  }
  std::string_view demo_folder() const override { return kDemoFolder; }
  void seed_demo(demo::Seed& seed) const override { strategy::seed_demo(seed); }
  std::vector<std::string> runtime_message_keys() const override {
    return i18n::runtime_keys(
        {{"plan_kind_", kPlanKinds},
         {"status_", kInitiativeStatuses},
         {"initiative_", kInitiativeFields},
         {"activity_", kActivityFields},
         {"activity_kind_", kActivityKinds},
         {"activity_status_", kActivityStatuses},
         {"channel_", kChannels},
         {"group_kind_", kGroupKinds},
         {"party_kind_", kPartyKinds},
         {"search_kind_", kSearchEntities}},
        {"audit_action_status", "audit_action_new_version", "audit_action_add_member",
         // An example mark's field label ("initiative_" + field, core/demo/marks.hpp).
         "initiative_status_history",
         // The start page names what changed ("start_change_" + audited entity).
         "start_change_initiative", "start_change_activity",
         // History labels of fields no form shows.
         "initiative_status_reason", "initiative_status_changed_on", "activity_initiative"});
  }
};

}  // namespace

const module::Module& module() {
  static const StrategyModule instance;
  return instance;
}

}  // namespace samtryg::strategy
