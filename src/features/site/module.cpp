#include "features/site/module.hpp"

#include "features/site/exchange.hpp"
#include "features/site/pages.hpp"
#include "features/site/public_pages.hpp"

namespace samtryg::site {

namespace {

class SiteModule final : public module::Module {
 public:
  std::string_view name() const override { return "site"; }
  void add_routes(web::App& app) const override {
    add_public_routes(app);
    add_settings_routes(app);
  }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return site::exchange_section();
  }
  // Tryg Aalborg's and Landskrona's public sites, enabled, with their accessibility statements
  // (the dates and contacts are example data; the seeds give none).
  std::string_view demo_folder() const override { return "src/features/site/data/"; }
};

}  // namespace

const module::Module& module() {
  static const SiteModule instance;
  return instance;
}

}  // namespace samtryg::site
