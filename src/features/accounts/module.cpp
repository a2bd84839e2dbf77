#include "features/accounts/module.hpp"

#include "core/auth/roles.hpp"
#include "core/i18n/catalog.hpp"
#include "features/accounts/cli.hpp"
#include "features/accounts/demo.hpp"
#include "features/accounts/exchange.hpp"
#include "features/accounts/pages.hpp"
#include "features/accounts/tokens.hpp"

namespace samtryg::accounts {

namespace {

class AccountsModule final : public module::Module {
 public:
  std::string_view name() const override { return "accounts"; }
  void add_routes(web::App& app) const override {
    accounts::add_routes(app);
    add_workspace_routes(app);
    add_token_routes(app);
  }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return accounts::exchange_section();
  }
  std::string_view demo_folder() const override { return kDemoFolder; }
  void seed_demo(demo::Seed& seed) const override { accounts::seed_demo(seed); }
  std::vector<std::string> runtime_message_keys() const override {
    std::vector<std::string_view> roles;
    for (const auto role : auth::kRoles) roles.push_back(auth::code(role));
    auto keys = i18n::runtime_keys({{"role_", roles}}, {"audit_action_revoke"});
    for (auto& key : time_zone_message_keys()) keys.push_back(std::move(key));
    return keys;
  }
};

}  // namespace

const module::Module& module() {
  static const AccountsModule instance;
  return instance;
}

}  // namespace samtryg::accounts
