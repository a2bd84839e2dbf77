#include "core/http/cookies.hpp"

#include <fmt/format.h>

#include "core/util/strings.hpp"

namespace samtryg::http {

std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name) {
  for (auto part : split(cookie_header, ';')) {
    part = trim(part);
    const auto eq = part.find('=');
    if (eq == std::string_view::npos || trim(part.substr(0, eq)) != name) continue;
    auto value = trim(part.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

std::string make_set_cookie(std::string_view name, std::string_view value,
                            const CookieOptions& options) {
  auto cookie =
      fmt::format("{}={}; Path={}; SameSite={}", name, value, options.path, options.same_site);
  if (options.max_age) cookie += fmt::format("; Max-Age={}", *options.max_age);
  if (options.http_only) cookie += "; HttpOnly";
  if (options.secure) cookie += "; Secure";
  return cookie;
}

}  // namespace samtryg::http
