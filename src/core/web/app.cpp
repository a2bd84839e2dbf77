#include "core/web/app.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "core/http/cookies.hpp"
#include "core/i18n/clock.hpp"
#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/api.hpp"
#include "core/web/host_sites.hpp"
#include "core/web/page.hpp"

namespace samtryg::web {

namespace {

// An error in the form the client reads: a page for browsers, JSON under /api/.
http::Response problem(Context& context, int status, std::string_view title_key,
                       std::string_view text_key) {
  if (is_api_path(context.request.path)) return json_error(context, status, text_key);
  return error_page(context, status, title_key, text_key);
}

// The answer to an error no handler expected: logged with a reference the page shows.
http::Response failure(Context& context, const std::exception& error) {
  const auto& request = context.request;
  const auto reference = crypto::random_token(6);
  std::fprintf(stderr, "error reference=%s method=%s path=%s: %s\n", reference.c_str(),
               std::string(http::to_string(request.method)).c_str(), request.path.c_str(),
               db::loggable_error(error).c_str());
  try {
    // A full disk is the administrator's to fix, a database that is restarting comes back on
    // its own: 503 says "try later", and the page says why nothing was saved.
    if (db::is_storage_full(error)) {
      auto response = problem(context, 503, "error_storage_full_title", "error_storage_full_text");
      response.header("Retry-After", "60");
      return response;
    }
    if (db::is_unavailable(error)) {
      auto response = problem(context, 503, "error_unavailable_title", "error_unavailable_text");
      response.header("Retry-After", "5");
      return response;
    }
    return is_api_path(request.path)
               ? json_error(context, 500, "error_server_title")
               : error_page(context, 500, "error_server_title", "error_server_text", reference);
  } catch (...) {
    return http::Response::text("500 Internal Server Error\n", 500);
  }
}

// No route for the path (404), or none for the method (405 with the methods there are).
http::Response unmatched(Context& context, const std::vector<http::Method>& allowed) {
  if (allowed.empty()) {
    return problem(context, 404, "error_not_found_title", "error_not_found_text");
  }
  auto response = problem(context, 405, "error_method_title", "error_method_text");
  std::string allow;
  for (const auto method : allowed) {
    allow += (allow.empty() ? "" : ", ") + std::string(http::to_string(method));
  }
  response.header("Allow", allow);
  return response;
}

// The clock the signed-in person's workspace keeps; "" (the default zone) for everyone else.
std::string workspace_time_zone(const Context& context) {
  if (!context.session || !context.session->membership) return {};
  return context.session->membership->workspace.time_zone;
}

// Everything from our own origin only, except the walk map's tiles: images may also come from
// the configured tile host (config checks it holds nothing but a scheme and a host).
std::string security_policy(const config::Config& config) {
  std::string policy = "default-src 'self'; img-src 'self' data:";
  if (const auto tiles = config.map_tile_source(); !tiles.empty()) policy += " " + tiles;
  policy += "; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
  return policy;
}

}  // namespace

bool App::use_forwarded_client(http::Request& request) const {
  bool trusted = false;
  for (const auto proxy : split(services_.config.trusted_proxies, ',')) {
    if (trim(proxy) == request.client_address) trusted = true;
  }
  if (!trusted) return false;
  // The proxy appends the address it saw last: that one is the proxy's own knowledge, the
  // ones before it are whatever the client claimed.
  const auto forwarded = request.header("X-Forwarded-For");
  if (forwarded.empty()) return true;
  const auto comma = forwarded.rfind(',');
  const auto last = trim(comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1));
  if (!last.empty() && last.size() <= 45) request.client_address = std::string(last);
  return true;
}

void App::add(Route route) {
  router_.add(route.method, route.pattern, routes_.size());
  routes_.push_back(std::move(route));
}

void App::load_session(Context& context) {
  // API tokens are for the JSON API only: elsewhere (pages, forms, /users, /api-tokens) a token
  // is no sign-in, so a leaked one cannot make users or more tokens.
  const auto authorization = context.request.header("Authorization");
  if (authorization.starts_with("Bearer ") && context.request.path.starts_with("/api/v1/")) {
    auto sql = services_.database.session();
    context.session = auth::find_api_token_session(sql, std::string(authorization.substr(7)));
    context.via_api_token = context.session.has_value();
    return;
  }
  const auto token = context.cookie(kSessionCookie);
  if (!token || token->empty()) return;
  auto sql = services_.database.session();
  const auto now = Clock::now();
  context.session = auth::find_session(services_.database, sql, *token, to_iso_utc(now));
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
  // Browsers ask for /favicon.ico on pages that do not name their icon (downloads, PDFs).
  if (request.path == "/favicon.ico") return http::Response::redirect("/static/favicon.svg");
  load_session(context);
  choose_language(context);

  const auto outcome = router_.find(request.method, request.path);
  if (!outcome.match) return unmatched(context, outcome.allowed);
  const auto& route = routes_[*outcome.match->handler];
  context.params = outcome.match->params;

  if (!route.access.admits(context.signed_in(), context.role())) {
    if (!context.signed_in()) {
      if (request.method == http::Method::get && !is_api_path(request.path)) {
        return http::Response::redirect(fmt::format("/login?next={}", url_encode(request.target)));
      }
      return problem(context, 401, "error_signin_title", "error_signin_text");
    }
    return problem(context, 403, "error_forbidden_title", "error_forbidden_text");
  }
  // A bearer token is no ambient authority (browsers never send it on their own), so only
  // cookie-authenticated changes need the CSRF token.
  if (http::changes_state(request.method) && !context.via_api_token && !route.authorised_by_link &&
      !context.csrf_valid()) {
    return problem(context, 403, "error_csrf_title", "error_csrf_text");
  }
  if (http::changes_state(request.method) && context.via_api_token &&
      context.session->token_scope != "write") {
    return json_error(context, 403, "error_token_read_only");
  }
  const i18n::ClockScope clock(workspace_time_zone(context));
  return route.handler(context);
}

// A request for a host name a feature serves (HostSites) is answered as if its path began with
// the path that host stands for: tryg.aalborg.dk/initiatives/3 is /p/tryg-aalborg/initiatives/3.
// The host is the one the client asked for: X-Forwarded-Host from a trusted proxy, else Host.
void App::use_host_site(http::Request& request, bool from_trusted_proxy) const {
  const auto& hosts = services_.hooks.find<HostSites>();
  if (!hosts.prefix || keeps_path_on_own_host(request.path)) return;
  auto asked = from_trusted_proxy ? request.header("X-Forwarded-Host") : std::string_view();
  if (asked.empty()) asked = request.header("Host");
  const auto host = site_host(asked.substr(0, asked.find(',')));
  // The application's own address (public_url) is never a site's.
  auto own = std::string_view(services_.config.public_url);
  if (const auto scheme = own.find("://"); scheme != std::string_view::npos) {
    own = own.substr(scheme + 3);
  }
  if (host.empty() || host == site_host(own.substr(0, own.find('/')))) return;
  if (const auto prefix = hosts.prefix(services_, host)) {
    request.path = *prefix + (request.path == "/" ? std::string() : request.path);
  }
}

http::Response App::handle(http::Request& request) {
  bool trusted = false;
  if (!services_.config.trusted_proxies.empty()) trusted = use_forwarded_client(request);
  use_host_site(request, trusted);
  Context context(request, services_);
  http::Response response;
  try {
    response = dispatch(context);
  } catch (const http::InvalidText&) {
    response = problem(context, 400, "error_bad_text_title", "error_bad_text_text");
  } catch (const http::FormError&) {
    response = problem(context, 400, "error_bad_request_title", "error_bad_request_text");
  } catch (const validation::NotFound&) {
    response = problem(context, 404, "error_not_found_title", "error_not_found_text");
  } catch (const validation::Forbidden&) {
    response = problem(context, 403, "error_forbidden_title", "error_forbidden_text");
  } catch (const validation::Conflict&) {
    response = problem(context, 409, "error_conflict_title", "error_conflict_text");
  } catch (const validation::Invalid& invalid) {
    response = is_api_path(request.path)
                   ? json_error(context, 422, "error_invalid_text", &invalid.errors)
                   : error_page(context, 422, "error_invalid_title", "error_invalid_text");
  } catch (const std::exception& error) {
    response = failure(context, error);
  }
  for (auto& cookie : context.set_cookies) response.set_cookies.push_back(std::move(cookie));
  auto& headers = response.headers;
  headers.emplace("X-Content-Type-Options", "nosniff");
  headers.emplace("Referrer-Policy", "same-origin");
  // A page meant to be framed by other sites (an embeddable chart) says so in its own policy's
  // frame-ancestors; X-Frame-Options, which cannot say "anyone", is then left out.
  const auto own_policy = headers.find("Content-Security-Policy");
  if (own_policy == headers.end() ||
      own_policy->second.find("frame-ancestors") == std::string::npos) {
    headers.emplace("X-Frame-Options", "DENY");
  }
  headers.emplace("Content-Security-Policy", security_policy(services_.config));
  if (!headers.contains("Cache-Control")) headers.emplace("Cache-Control", "no-store");
  return response;
}

}  // namespace samtryg::web
