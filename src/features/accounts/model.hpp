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

struct LoginPolicy {
  int max_failures = 5;  // for one e-mail from one address, within lockout_minutes
  int lockout_minutes = 15;
  int session_hours = 12;
  int max_failures_per_client = 30;  // from one address for any e-mails
};

// Whether a login attempt waits: counts include the attempt itself, so the max_failures-th
// attempt still goes through and the one after it waits.
inline bool login_throttled(int for_email_here, int from_client, const LoginPolicy& policy) {
  return for_email_here > policy.max_failures || from_client > policy.max_failures_per_client;
}

}  // namespace samtryg::accounts
