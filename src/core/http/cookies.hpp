#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace samtryg::http {

// The value of cookie `name` in a Cookie request header.
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

struct CookieOptions {
  std::string path = "/";
  bool http_only = true;
  bool secure = false;            // set when the public URL is https (TLS at the proxy)
  std::string same_site = "Lax";  // Lax keeps links from e-mails logged in; CSRF tokens do the rest
  std::optional<long long> max_age;  // seconds; 0 deletes; none = until the browser closes
};

std::string make_set_cookie(std::string_view name, std::string_view value,
                            const CookieOptions& options);

}  // namespace samtryg::http
