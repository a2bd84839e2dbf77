#include "core/web/app.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "core/http/cookies.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "core/web/page.hpp"

namespace samtryg::web {

bool Access::admits(bool is_signed_in, std::optional<auth::Role> role) const {
  switch (kind) {
    case Kind::anyone:
      return true;
    case Kind::signed_in:
      return is_signed_in;
    case Kind::permission:
      return role && auth::allows(*role, permission);
  }
  return false;
}

void App::add(Route route) {
  router_.add(route.method, route.pattern, routes_.size());
  routes_.push_back(std::move(route));
}

void App::load_session(Context& context) {
  const auto token = context.cookie(kSessionCookie);
  if (!token || token->empty()) return;
  auto sql = services_.database.session();
  const auto now = Clock::now();
  context.session = auth::find_session(sql, *token, to_iso_utc(now));
  if (!context.session) {
    // Expired or unknown: drop the cookie so the browser stops sending it.
    auto options = context.cookie_options();
    options.max_age = 0;
    context.set_cookies.push_back(http::make_set_cookie(kSessionCookie, "", options));
    return;
  }
  // Sliding expiry, written at most once per half lifetime rather than on every request.
  const auto lifetime = std::chrono::hours(services_.config.session_hours);
  if (context.session->expires_at < to_iso_utc(now + lifetime / 2)) {
    auth::extend_session(sql, context.session->token_hash, to_iso_utc(now + lifetime));
  }
}

void App::choose_language(Context& context) {
  std::optional<i18n::Language> language;
  if (context.session) language = i18n::parse_language(context.session->user.language);
  if (!language) {
    if (auto cookie = context.cookie(kLanguageCookie)) language = i18n::parse_language(*cookie);
  }
  if (!language) language = i18n::negotiate(context.request.header("Accept-Language"));
  if (!language && context.session && context.session->membership) {
    language = i18n::parse_language(context.session->membership->workspace.language);
  }
  context.language = language.value_or(
      i18n::parse_language(services_.config.default_language).value_or(i18n::Language::da));
}

http::Response App::dispatch(Context& context) {
  const auto& request = context.request;
  if (request.path.starts_with("/static/") &&
      (request.method == http::Method::get || request.method == http::Method::head)) {
    return services_.assets.serve(request, std::string_view(request.path).substr(8));
  }
  load_session(context);
  choose_language(context);

  const auto outcome = router_.find(request.method, request.path);
  if (!outcome.match) {
    if (!outcome.allowed.empty()) {
      auto response = error_page(context, 405, "error_method_title", "error_method_text");
      std::string allow;
      for (const auto method : outcome.allowed) {
        allow += (allow.empty() ? "" : ", ") + std::string(http::to_string(method));
      }
      response.header("Allow", allow);
      return response;
    }
    return error_page(context, 404, "error_not_found_title", "error_not_found_text");
  }
  const auto& route = routes_[*outcome.match->handler];
  context.params = outcome.match->params;

  if (!route.access.admits(context.signed_in(), context.role())) {
    if (!context.signed_in()) {
      if (request.method == http::Method::get) {
        return http::Response::redirect(fmt::format("/login?next={}", url_encode(request.target)));
      }
      return error_page(context, 401, "error_forbidden_title", "error_forbidden_text");
    }
    return error_page(context, 403, "error_forbidden_title", "error_forbidden_text");
  }
  if (http::changes_state(request.method) && !context.csrf_valid()) {
    return error_page(context, 403, "error_csrf_title", "error_csrf_text");
  }
  return route.handler(context);
}

http::Response App::handle(http::Request& request) {
  Context context(request, services_);
  http::Response response;
  try {
    response = dispatch(context);
  } catch (const http::FormError&) {
    response = error_page(context, 400, "error_bad_request_title", "error_bad_request_text");
  } catch (const std::exception& error) {
    const auto reference = crypto::random_token(6);
    std::fprintf(stderr, "error reference=%s method=%s path=%s: %s\n", reference.c_str(),
                 std::string(http::to_string(request.method)).c_str(), request.path.c_str(),
                 error.what());
    try {
      response = error_page(context, 500, "error_server_title", "error_server_text", reference);
    } catch (...) {
      response = http::Response::text("500 Internal Server Error\n", 500);
    }
  }
  for (auto& cookie : context.set_cookies) response.set_cookies.push_back(std::move(cookie));
  auto& headers = response.headers;
  headers.emplace("X-Content-Type-Options", "nosniff");
  headers.emplace("Referrer-Policy", "same-origin");
  headers.emplace("X-Frame-Options", "DENY");
  headers.emplace("Content-Security-Policy",
                  "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                  "form-action 'self'; base-uri 'none'; object-src 'none'");
  if (!headers.contains("Cache-Control")) headers.emplace("Cache-Control", "no-store");
  return response;
}

}  // namespace samtryg::web
