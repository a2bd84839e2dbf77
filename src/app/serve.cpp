#include "app/serve.hpp"

#include "app/modules.hpp"
#include "app/routes.hpp"
#include "core/db/migrations.hpp"
#include "core/mail/outbox.hpp"
#include "core/web/page.hpp"

namespace samtryg::app {

Runtime::Runtime(config::Config settings) : settings_(std::move(settings)) {
  const auto url = db::parse_database_url(settings_.database);
  const auto workers = static_cast<std::size_t>(settings_.effective_workers());
  database_ = db::Database::open(url, workers);
  db::migrate(*database_);
  database_->forbid_nested_sessions();
  services_ = std::make_unique<web::Services>(web::Services{
      *database_, settings_, assets_, auth::parse_hash_cost(settings_.password_hashing),
      std::make_shared<web::FragmentCache>()});
  app_ = std::make_unique<web::App>(*services_);
  add_all_routes(*app_);

  http::ServerOptions options;
  options.address = settings_.listen;
  options.port = static_cast<std::uint16_t>(settings_.port);
  options.network_threads = static_cast<std::size_t>(settings_.effective_network_threads());
  options.worker_threads = workers;
  options.max_body_bytes = static_cast<std::size_t>(settings_.max_body_bytes);
  options.request_timeout = std::chrono::seconds(settings_.request_timeout_seconds);
  options.idle_timeout = std::chrono::seconds(settings_.idle_timeout_seconds);
  options.max_connections = static_cast<std::size_t>(settings_.max_connections);
  options.access_log = settings_.access_log;
  options.refusal =
      [first = i18n::parse_language(settings_.default_language).value_or(i18n::Language::da)](
          int status) { return web::refusal_page(status, first); };
  server_ = std::make_unique<http::Server>(
      options, [this](http::Request& request) { return app_->handle(request); });
  server_->listen();
}

Runtime::~Runtime() = default;

void Runtime::run(bool handle_signals) {
  std::vector<module::Job> jobs;
  if (database_->backend() == db::Backend::sqlite) {
    jobs.push_back({"WAL checkpoint", std::chrono::minutes(1),
                    [](db::Database& database, const config::Config&) { database.checkpoint(); }});
  }
  for (auto& job : mail::outbox_jobs(settings_)) jobs.push_back(std::move(job));
  for (const auto* feature : modules()) {
    for (auto& job : feature->jobs(settings_)) jobs.push_back(std::move(job));
  }
  const auto running = module::start_jobs(*database_, settings_, std::move(jobs));
  server_->run(handle_signals);
}

}  // namespace samtryg::app
