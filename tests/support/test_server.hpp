#pragma once
// A real samtryg server in the test process, on a free loopback port, on a scratch database.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "app/serve.hpp"
#include "support/databases.hpp"
#include "support/http_client.hpp"

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

// A running server on a scratch database of each backend (the test parameter), with the test
// workspace, started before prepare() runs; skipped (locally) or failed (CI) when the backend
// is not available. Instantiate with SAMTRYG_ON_EVERY_BACKEND(Suite).
class ServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() final;
  virtual void prepare() {}

  // Starts the server again on the same database, with settings changed by `adjust`.
  void restart(const std::function<void(config::Config&)>& adjust);
  HttpClient client() { return HttpClient(server_->port()); }
  // A browser signed in as a new user with `role` ("coordinator", …; "" for no workspace),
  // having opened /plans so that csrf() holds a token; the user's id is in user_ids_.
  HttpClient signed_in(const std::string& email, const std::string& role);
  std::string user_id(const std::string& email) const {
    return std::to_string(user_ids_.at(email));
  }

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, long long> user_ids_;
};

}  // namespace samtryg::testing
