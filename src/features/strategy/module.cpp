#include "features/strategy/module.hpp"

#include "features/strategy/api.hpp"
#include "features/strategy/demo.hpp"
#include "features/strategy/exchange.hpp"
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
  std::string_view demo_document() const override { return kDemoDocument; }
  void seed_demo(demo::Seed& seed) const override { strategy::seed_demo(seed); }
};

}  // namespace

const module::Module& module() {
  static const StrategyModule instance;
  return instance;
}

}  // namespace samtryg::strategy
