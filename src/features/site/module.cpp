#include "features/site/module.hpp"

#include "core/i18n/catalog.hpp"
#include "core/web/host_sites.hpp"
#include "features/site/exchange.hpp"
#include "features/site/news.hpp"
#include "features/site/news_public.hpp"
#include "features/site/pages.hpp"
#include "features/site/public_pages.hpp"
#include "features/site/public_support.hpp"
#include "features/site/store.hpp"
#include "features/strategy/hooks.hpp"

namespace samtryg::site {

namespace {

class SiteModule final : public module::Module {
 public:
  std::string_view name() const override { return "site"; }
  void add_routes(web::App& app) const override {
    add_public_routes(app);
    add_open_data_routes(app);
    add_public_news_routes(app);
    add_search_routes(app);
    add_settings_routes(app);
    add_news_routes(app);
    add_news_api_routes(app);
    app.services().hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
        "src/features/site/data/openapi.json");
    app.services().hooks.get<PublicFrame>().frame = framed;
    // A site on its own host name (behind the municipality's reverse proxy): that host stands
    // for /p/{slug}.
    app.services().hooks.get<web::HostSites>().prefix =
        [](web::Services& services, std::string_view host) -> std::optional<std::string> {
      auto sql = services.database.session();
      const auto settings = store::settings_by_host(sql, std::string(host));
      if (!settings || !settings->enabled) return std::nullopt;
      return "/p/" + settings->slug;
    };
  }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return site::exchange_section();
  }
  // Tryg Aalborg's and Landskrona's public sites, enabled, with their accessibility statements
  // (the dates and contacts are example data; the seeds give none).
  std::string_view demo_folder() const override { return "src/features/site/data/"; }
  std::vector<std::string> runtime_message_keys() const override {
    return i18n::runtime_keys({{"site_news_state_", kNewsStates}}, {});
  }
};

}  // namespace

const module::Module& module() {
  static const SiteModule instance;
  return instance;
}

}  // namespace samtryg::site
