#include "features/accounts/exchange.hpp"

#include <algorithm>
#include <set>

#include "core/auth/store.hpp"
#include "core/exchange/records.hpp"
#include "core/i18n/language.hpp"
#include "features/accounts/model.hpp"

namespace samtryg::accounts {

namespace {

using boost::json::object;

struct UserEntry {
  long long id = 0;
  std::string name;
  std::string email;
  std::string language = "da";
  std::string role = "member";
  std::string password_hash;
};

void read_user(json::Reader& reader, UserEntry& user) {
  reader.integer("id", user.id);
  reader.text("name", user.name);
  reader.text("email", user.email);
  reader.text("language", user.language);
  reader.text("role", user.role);
  reader.text("password_hash", user.password_hash);
  user.email = normalize_email(user.email);
}

validation::Errors check_user(const UserEntry& user) {
  validation::Errors errors;
  if (user.name.empty()) errors.add("name", "field_required");
  if (!looks_like_email(user.email)) errors.add("email", "users_email_invalid");
  if (!auth::parse_role(user.role)) errors.add("role", "choice_invalid");
  if (!i18n::parse_language(user.language)) errors.add("language", "choice_invalid");
  return errors;
}

class UsersSection final : public exchange::Section {
 public:
  void write(exchange::Writing& out) const override {
    auto members = auth::members_of(out.sql, out.workspace_id);
    std::sort(members.begin(), members.end(),
              [](const auto& a, const auto& b) { return a.user.id < b.user.id; });
    auto& user_ids = out.ids.of("user");
    boost::json::array users;
    for (const auto& member : members) {
      users.push_back(object{{"id", user_ids.add(member.user.id)},
                             {"name", member.user.name},
                             {"email", member.user.email},
                             {"language", member.user.language},
                             {"role", std::string(auth::code(member.role))},
                             {"password_hash", member.user.password_hash}});
    }
    out.document["users"] = std::move(users);
  }

  void read(exchange::Reading& in) override {
    users_ = exchange::read_records<UserEntry>(
        in, in.document, "users",
        {.kind = "user",
         .id = [](const UserEntry& user) { return user.id; },
         .validate = check_user,
         // An address that is not an e-mail is reported as such, not also as taken.
         .unique = [](const UserEntry& user) -> std::optional<std::string> {
           if (!looks_like_email(user.email)) return std::nullopt;
           return user.email;
         },
         .unique_member = "email",
         .unique_error = "users_email_taken"},
        [](json::Reader& reader, UserEntry& user, const std::string&) { read_user(reader, user); });
  }

  void store(exchange::Storing& out) override {
    for (const auto& entry : users_) {
      long long user_id = 0;
      if (const auto existing = auth::find_user_by_email(out.sql, entry.email)) {
        user_id = existing->id;  // the same person already works on this server
      } else {
        auth::User user;
        user.name = entry.name;
        user.email = entry.email;
        user.language = entry.language;
        // Without a hash the account exists but cannot sign in until an admin sets a password.
        user.password_hash = entry.password_hash.empty() ? "!" : entry.password_hash;
        user_id = auth::insert_user(out.sql, user, out.now);
      }
      auth::set_membership(out.sql, out.workspace_id, user_id, *auth::parse_role(entry.role),
                           out.now);
      out.ids.add("user", entry.id, user_id);
    }
    out.count("users", static_cast<int>(users_.size()));
  }

 private:
  std::vector<UserEntry> users_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<UsersSection>();
}

}  // namespace samtryg::accounts
