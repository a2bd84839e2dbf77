#include "features/accounts/model.hpp"

#include "core/auth/passwords.hpp"
#include "core/i18n/language.hpp"
#include "core/util/strings.hpp"

namespace samtryg::accounts {

std::string normalize_email(std::string_view email) {
  return to_lower_ascii(trim(email));
}

bool looks_like_email(std::string_view email) {
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (const char c : email) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '<' || c == '>' || c == ',') {
      return false;
    }
  }
  return email.size() <= 254;
}

namespace {

// The same length rule for a first password and a changed one.
void check_password_length(validation::Errors& errors, const std::string& field,
                           std::string_view password) {
  const auto length = validation::utf8_length(password);
  if (length < auth::kMinPasswordLength) {
    errors.add(field, "password_too_short", {{"min", std::to_string(auth::kMinPasswordLength)}});
  } else if (length > auth::kMaxPasswordLength) {
    errors.add(field, "password_too_long", {{"max", std::to_string(auth::kMaxPasswordLength)}});
  }
}

}  // namespace

validation::Errors validate_new_user(const NewUser& input) {
  validation::Errors errors;
  const auto name = trim(input.name);
  if (name.empty()) {
    errors.add("name", "users_name_required");
  } else if (validation::utf8_length(name) > kMaxNameLength) {
    errors.add("name", "users_name_too_long", {{"max", std::to_string(kMaxNameLength)}});
  }
  if (!looks_like_email(normalize_email(input.email))) errors.add("email", "users_email_invalid");
  if (!auth::parse_role(input.role)) errors.add("role", "users_role_invalid");
  if (!i18n::parse_language(input.language)) errors.add("language", "users_language_invalid");
  check_password_length(errors, "password", input.password);
  return errors;
}

validation::Errors validate_new_password(std::string_view password, std::string_view confirm) {
  validation::Errors errors;
  check_password_length(errors, "new_password", password);
  if (errors.empty() && password != confirm) {
    errors.add("confirm_password", "password_mismatch");
  }
  return errors;
}

}  // namespace samtryg::accounts
