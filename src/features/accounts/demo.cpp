#include "features/accounts/demo.hpp"

#include "core/auth/store.hpp"
#include "core/util/time.hpp"
#include "features/accounts/commands.hpp"

namespace samtryg::accounts {

namespace {

std::vector<NewUser> demo_users(const boost::json::object& document) {
  std::vector<NewUser> users;
  const auto* listed = document.if_contains("users");
  if (listed == nullptr) return users;
  for (const auto& item : listed->as_array()) {
    const auto& json = item.as_object();
    NewUser user;
    user.name = json.at("name").as_string();
    user.email = json.at("email").as_string();
    user.role = json.at("role").as_string();
    user.language = json.at("language").as_string();
    user.password = std::string(demo::kPassword);
    users.push_back(std::move(user));
  }
  return users;
}

}  // namespace

void seed_demo(demo::Seed& seed) {
  auto& database = seed.database;
  const auto users = demo_users(seed.document);
  if (seed.fresh) {
    for (const auto& user : users) {
      const auto hash = auth::hash_password(user.password, seed.cost);
      database.in_transaction([&](soci::session& sql) {
        if (const auto found = auth::find_user_by_email(sql, user.email)) {
          auth::update_password_hash(sql, found->id, hash, now_iso_utc());
        }
      });
    }
  }
  for (const auto& user : users) {
    seed.logins.push_back({user.email, user.role, {}});
    {
      auto sql = database.session();
      if (auth::find_user_by_email(sql, user.email)) continue;
    }
    add_user(database, seed.cost, seed.actor(), user);
  }
}

}  // namespace samtryg::accounts
