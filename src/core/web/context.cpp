#include "core/web/context.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "core/http/cookies.hpp"
#include "core/util/crypto.hpp"
#include "core/util/links.hpp"
#include "core/util/strings.hpp"
#include "core/validation/validation.hpp"

namespace samtryg::web {

Context::Context(const http::Request& req, Services& svc) : request(req), services(svc) {}

std::optional<auth::Role> Context::role() const {
  if (!session || !session->membership) return std::nullopt;
  return session->membership->role;
}

bool Context::can(auth::Permission permission) const {
  const auto current = role();
  return current && auth::allows(*current, permission);
}

auth::Actor Context::actor() const {
  const auto& user = session->user;
  return auth::Actor::for_role(workspace().id, {user.id, user.email}, user.id, role());
}

const http::Form& Context::form() {
  if (!form_) form_ = http::parse_form(request.header("Content-Type"), request.body);
  return *form_;
}

std::string Context::query(std::string_view name) const {
  auto parsed = boost::urls::parse_query(request.query);
  if (!parsed) return {};
  for (const auto& param : *parsed) {
    if (param.key.decode(boost::urls::encoding_opts(true)) == name) {
      return param.has_value
                 ? http::clean_text(name, param.value.decode(boost::urls::encoding_opts(true)))
                 : "";
    }
  }
  return {};
}

long long Context::path_id(std::string_view name) const {
  const auto found = params.find(name);
  const auto id = found == params.end() ? std::nullopt : parse_id(found->second);
  if (!id) throw validation::NotFound();
  return *id;
}

std::optional<std::string> Context::cookie(std::string_view name) const {
  return http::cookie_value(request.header("Cookie"), name);
}

http::CookieOptions Context::cookie_options() const {
  http::CookieOptions options;
  options.secure = services.config.behind_tls();
  return options;
}

const std::string& Context::csrf_token() {
  if (!csrf_.empty()) return csrf_;
  if (session) {
    csrf_ = session->csrf_token;
    return csrf_;
  }
  if (auto existing = cookie(kCsrfCookie); existing && existing->size() >= 32) {
    csrf_ = *existing;
    return csrf_;
  }
  csrf_ = crypto::random_token();
  set_cookies.push_back(http::make_set_cookie(kCsrfCookie, csrf_, cookie_options()));
  return csrf_;
}

bool Context::csrf_valid() {
  std::string expected;
  if (session) {
    expected = session->csrf_token;
  } else if (auto existing = cookie(kCsrfCookie)) {
    expected = *existing;
  }
  if (expected.size() < 32) return false;
  std::string sent(request.header("X-CSRF-Token"));
  // JSON API calls from a signed-in browser send the token as a header, never in a form.
  if (sent.empty() && !request.path.starts_with("/api/")) sent = form().value(kCsrfField);
  return crypto::equal_constant_time(sent, expected);
}

std::string safe_local_path(std::string_view path) {
  // Browsers drop tabs and line breaks from an address and read a backslash as '/', so a path
  // with a tab or a backslash after its first '/' could lead off-site: only a plain path on this
  // site is followed.
  if (path.empty() || path.front() != '/' || path.starts_with("//") ||
      has_characters_browsers_rewrite(path)) {
    return "/";
  }
  const auto parsed = boost::urls::parse_origin_form(path);
  if (!parsed || parsed->has_authority() || parsed->has_scheme()) return "/";
  return std::string(path);
}

std::string url_encode(std::string_view text) {
  return boost::urls::encode(text, boost::urls::unreserved_chars);
}

}  // namespace samtryg::web
