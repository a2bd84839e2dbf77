#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>

#include "core/config/config.hpp"
#include "core/db/database.hpp"
#include "core/http/server.hpp"
#include "core/http/static_files.hpp"
#include "core/web/app.hpp"

namespace samtryg::app {

// Everything a running server holds, built in the order it depends on: database (migrated),
// assets, services, routes, HTTP server. Tests build one on port 0 and talk to it over loopback.
class Runtime {
 public:
  // Throws db::UrlError / db::ConnectError / db::SchemaError / http::ListenError.
  explicit Runtime(config::Config settings);
  ~Runtime();

  std::uint16_t port() const { return server_->port(); }
  db::Database& database() { return *database_; }
  web::App& app() { return *app_; }
  const config::Config& settings() const { return settings_; }

  // Serves until stopped; meanwhile runs the features' background jobs (module::Job), such as
  // the reminder e-mails every reminder_check_minutes when an SMTP server is configured.
  void run(bool handle_signals);
  void stop() { server_->stop(); }

 private:
  config::Config settings_;
  std::unique_ptr<db::Database> database_;
  http::StaticFiles assets_;
  std::unique_ptr<web::Services> services_;
  std::unique_ptr<web::App> app_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace samtryg::app
