#pragma once
// The rules about people and their logins, with no I/O: tested without a database.
#include <string>
#include <string_view>

#include "core/auth/roles.hpp"
#include "core/validation/validation.hpp"

namespace samtryg::accounts {

inline constexpr std::size_t kMaxNameLength = 200;

// "  Anna@Kommune.DK " → "anna@kommune.dk": e-mails compare case-insensitively.
std::string normalize_email(std::string_view email);
bool looks_like_email(std::string_view email);

struct NewUser {
  std::string name;
  std::string email;
  std::string password;
  std::string language = "da";
  std::string role = "member";
};

validation::Errors validate_new_user(const NewUser& input);

// Checks the new password's length and that both copies match (the current password is
// checked against the stored hash by the command).
validation::Errors validate_new_password(std::string_view password, std::string_view confirm);

// Locked when the recent failures reach the limit.
inline bool login_locked(int recent_failures, int max_failures) {
  return recent_failures >= max_failures;
}

}  // namespace samtryg::accounts
