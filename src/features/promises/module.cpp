#include "features/promises/module.hpp"

#include "core/i18n/catalog.hpp"
#include "features/promises/cli.hpp"
#include "features/promises/exchange.hpp"
#include "features/promises/model.hpp"
#include "features/promises/pages.hpp"
#include "features/promises/subscriptions.hpp"

namespace samtryg::promises {

namespace {

class PromisesModule final : public module::Module {
 public:
  std::string_view name() const override { return "promises"; }
  void add_routes(web::App& app) const override { promises::add_routes(app); }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
  std::unique_ptr<exchange::Section> exchange_section() const override {
    return promises::exchange_section();
  }
  // A promise from Landskrona's dialogues (seed 004 says they lead to promises, not what they
  // say): everything in it but its initiatives is marked as example data.
  std::string_view demo_folder() const override { return "src/features/promises/data/"; }
  std::vector<module::Job> jobs(const config::Config& /*settings*/) const override {
    // Addresses nobody confirmed are not kept past their link's lifetime.
    return {{"promise subscription clean-up", std::chrono::minutes(10),
             [](db::Database& database, const config::Config&) { forget_stale(database); }}};
  }
  std::vector<std::string> runtime_message_keys() const override {
    static constexpr std::string_view kExampleFields[] = {
        "title", "body", "period", "problems", "signatories", "commitments", "follow_ups"};
    return i18n::runtime_keys(
        {{"promise_status_", kStatuses},
         {"promise_role_", kSignatoryRoles},
         {"promise_", kExampleFields}},
        {"promise_notify_subject", "promise_notify_body", "promise_confirm_subject",
         "promise_confirm_body", "promise_confirm_heading", "promise_confirm_text",
         "promise_confirm_button", "promise_unsubscribe_heading", "promise_unsubscribe_text",
         "promise_unsubscribe_button"});
  }
};

}  // namespace

const module::Module& module() {
  static const PromisesModule instance;
  return instance;
}

}  // namespace samtryg::promises
