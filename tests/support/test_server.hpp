#pragma once
// A real samtryg server in the test process, on a free loopback port, on a scratch database.
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "app/serve.hpp"
#include "support/databases.hpp"

namespace samtryg::testing {

inline constexpr const char* kPassword = "correct horse battery";

class TestServer {
 public:
  explicit TestServer(const std::string& database_url,
                      const std::function<void(config::Config&)>& adjust = {});
  ~TestServer();

  std::uint16_t port() const { return runtime_->port(); }
  app::Runtime& runtime() { return *runtime_; }

  // Adds a user with `role` (or no membership when role is empty) in the test workspace.
  long long add_user(const std::string& email, const std::string& role);
  long long workspace_id() const { return workspace_id_; }

 private:
  std::unique_ptr<app::Runtime> runtime_;
  std::thread thread_;
  long long workspace_id_ = 0;
};

config::Config test_settings(const std::string& database_url);

}  // namespace samtryg::testing
