#include "support/test_server.hpp"

#include "core/auth/passwords.hpp"
#include "core/auth/store.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "features/accounts/commands.hpp"

namespace samtryg::testing {

config::Config test_settings(const std::string& database_url) {
  config::Config settings;
  settings.database = database_url;
  settings.port = 0;
  settings.workers = 4;
  settings.password_hashing = "minimal";
  settings.access_log = false;
  return settings;
}

TestServer::TestServer(const std::string& database_url,
                       const std::function<void(config::Config&)>& adjust) {
  crypto::initialise();
  auto settings = test_settings(database_url);
  if (adjust) adjust(settings);
  runtime_ = std::make_unique<app::Runtime>(settings);
  workspace_id_ = accounts::ensure_workspace(runtime_->database(), {std::nullopt, "test"},
                                             "Tryg Aalborg – en mere tryg kommune", "da")
                      .id;
  thread_ = std::thread([this] { runtime_->run(false); });
}

TestServer::~TestServer() {
  runtime_->stop();
  thread_.join();
}

long long TestServer::add_user(const std::string& email, const std::string& role) {
  if (!role.empty()) {
    accounts::NewUser user;
    user.name = "Test " + role;
    user.email = email;
    user.password = kPassword;
    user.role = role;
    return accounts::add_user(runtime_->database(), auth::HashCost::minimal,
                              auth::Actor::tool(workspace_id_, "test"), user);
  }
  auto sql = runtime_->database().session();
  auth::User user;
  user.name = "No workspace";
  user.email = email;
  user.language = "da";
  user.password_hash = auth::hash_password(kPassword, auth::HashCost::minimal);
  return auth::insert_user(sql, user, now_iso_utc());
}

void ServerTest::SetUp() {
  scratch_ = std::make_unique<ScratchDatabase>(GetParam());
  SAMTRYG_REQUIRE_BACKEND(*scratch_);
  server_ = std::make_unique<TestServer>(scratch_->url());
  prepare();
}

void ServerTest::restart(const std::function<void(config::Config&)>& adjust) {
  server_.reset();
  server_ = std::make_unique<TestServer>(scratch_->url(), adjust);
}

HttpClient ServerTest::signed_in(const std::string& email, const std::string& role) {
  user_ids_[email] = server_->add_user(email, role);
  HttpClient http(server_->port());
  EXPECT_EQ(http.log_in(email, kPassword).status, 303);
  http.get("/plans");
  return http;
}

}  // namespace samtryg::testing
