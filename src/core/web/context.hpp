#pragma once
// What a handler sees of one request: the request, its path parameters, the signed-in user
// and their role, the language, and the shared services (database, settings, assets).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/auth/passwords.hpp"
#include "core/auth/store.hpp"
#include "core/config/config.hpp"
#include "core/db/database.hpp"
#include "core/http/cookies.hpp"
#include "core/http/form.hpp"
#include "core/http/router.hpp"
#include "core/http/static_files.hpp"
#include "core/i18n/catalog.hpp"
#include "core/module/hooks.hpp"
#include "core/web/fragment_cache.hpp"
#include "core/web/navigation.hpp"

namespace samtryg::web {

struct Services {
  db::Database& database;
  const config::Config& config;
  const http::StaticFiles& assets;
  auth::HashCost hash_cost = auth::HashCost::interactive;
  std::shared_ptr<FragmentCache> fragments = std::make_shared<FragmentCache>();
  // The layout around pages (header, navigation, footer) as rendered for one combination of
  // what it shows; small, so a few megabytes hold thousands of them.
  std::shared_ptr<FragmentCache> frames = std::make_shared<FragmentCache>(std::size_t{4} << 20U);
  // Filled by the features while the server is built, read-only afterwards.
  module::Hooks hooks{};
  Navigation navigation{};
};

inline constexpr std::string_view kSessionCookie = "samtryg_session";
inline constexpr std::string_view kCsrfCookie = "samtryg_csrf";
inline constexpr std::string_view kLanguageCookie = "samtryg_lang";
inline constexpr std::string_view kCsrfField = "_csrf";

class Context {
 public:
  Context(const http::Request& request, Services& services);

  const http::Request& request;
  Services& services;
  http::PathParams params;
  i18n::Language language = i18n::Language::da;
  std::optional<auth::SessionRecord> session;  // set when signed in
  bool via_api_token = false;  // signed in by "Authorization: Bearer" rather than a cookie
  std::vector<std::string> set_cookies;  // added to whatever response the handler gives

  const i18n::Catalog& catalog() const { return i18n::Catalog::get(language); }
  // The catalog text of `key` in the request's language.
  std::string text(std::string_view key) const { return std::string(catalog().text(key)); }
  bool signed_in() const { return session.has_value(); }
  std::optional<auth::Role> role() const;
  bool can(auth::Permission permission) const;
  // The workspace the user works in; only valid when role() has a value.
  const auth::Workspace& workspace() const { return session->membership->workspace; }
  // The signed-in person acting in their workspace with their role's rights; only valid when
  // role() has a value (routes whose access rule asks for a permission).
  auth::Actor actor() const;

  // The form body, parsed once. Throws http::FormError on a malformed body.
  const http::Form& form();
  std::string query(std::string_view name) const;
  // The path parameter `name` as a record id; throws validation::NotFound when it is not one.
  long long path_id(std::string_view name = "id") const;
  std::optional<std::string> cookie(std::string_view name) const;

  // The CSRF token forms on this page must carry: the session's when signed in, otherwise a
  // random token also set as a cookie (double submit). Created on first use only.
  const std::string& csrf_token();
  bool csrf_valid();

  http::CookieOptions cookie_options() const;

 private:
  std::optional<http::Form> form_;
  std::string csrf_;
};

// A path inside samtryg to return to after login or a language change; anything else
// (absolute URLs, "//host") falls back to "/", so the parameter is no open redirect.
std::string safe_local_path(std::string_view path);

// Percent-encodes everything but unreserved characters, for a value inside a query string.
std::string url_encode(std::string_view text);

}  // namespace samtryg::web
