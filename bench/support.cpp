#include "bench/support.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "core/auth/store.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "core/web/context.hpp"

namespace samtryg::bench {

app::Runtime& runtime(const std::string& file_name) {
  static app::Runtime instance = [&] {
    crypto::initialise();
    config::Config settings;
    const auto path = std::filesystem::temp_directory_path() / file_name;
    std::filesystem::remove(path);
    settings.database = "sqlite:" + path.string();
    settings.port = 0;
    settings.access_log = false;
    return app::Runtime(settings);
  }();
  return instance;
}

Coordinator coordinator(app::Runtime& runtime) {
  auto& database = runtime.database();
  long long workspace = 0;
  long long user = 0;
  const std::string token = crypto::random_token();
  const auto now = now_iso_utc();
  database.in_transaction([&](soci::session& sql) {
    workspace = auth::insert_workspace(
        sql, fmt::format("Bench {}", crypto::random_token().substr(0, 8)), "sv", now);
    auth::User person;
    person.name = "Trygghetssamordnare";
    person.email = fmt::format("bench-{}@example.se", workspace);
    person.language = "sv";
    user = auth::insert_user(sql, person, now);
    auth::set_membership(sql, workspace, user, auth::Role::coordinator, now);
    auth::insert_session(sql, token, user, workspace, "csrf", now, "2999-01-01T00:00:00Z");
  });
  return {auth::Actor::for_role(workspace, {user, "bench"}, user, auth::Role::coordinator),
          fmt::format("{}={}", web::kSessionCookie, token)};
}

}  // namespace samtryg::bench
