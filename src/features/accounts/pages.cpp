#include "features/accounts/pages.hpp"

#include "core/auth/passwords.hpp"
#include "core/http/cookies.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/crypto.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "core/web/templates.hpp"
#include "features/accounts/commands.hpp"

namespace samtryg::accounts {

namespace {

using http::Method;
using http::Response;
using web::Access;
using web::Context;

constexpr web::Templates kTemplates{"accounts"};

std::string notice_text(const Context& context) {
  return web::notice_text(context, {"login_logged_out", "password_changed", "users_created"});
}
LoginPolicy policy_from(const Context& context) {
  const auto& config = context.services.config;
  return LoginPolicy{.max_failures = config.login_max_failures,
                     .lockout_minutes = config.login_lockout_minutes,
                     .session_hours = config.session_hours,
                     .max_failures_per_client = config.login_max_failures_per_address};
}

std::string min_hint(const Context& context) {
  return context.catalog().format("password_new_hint",
                                  {{"min", std::to_string(auth::kMinPasswordLength)}});
}

// ---- login / logout ---------------------------------------------------------------------

Response login_page(Context& context, view::Data data, int status) {
  if (auto notice = notice_text(context); !notice.empty()) data.set("notice", notice);
  if (data.get("next") == nullptr) data.set("next", web::safe_local_path(context.query("next")));
  return web::render_page(
      context, kTemplates("login"), std::move(data),
      {.title = std::string(context.catalog().text("login_title")), .status = status, .nav = {}});
}

Response show_login(Context& context) {
  if (context.signed_in()) return Response::redirect("/");
  return login_page(context, {}, 200);
}

Response submit_login(Context& context) {
  const auto& form = context.form();
  const auto email = form.value("email");
  const auto password = form.value("password");
  const auto next = web::safe_local_path(form.value("next"));
  view::Data data;
  data.set("email", email);
  data.set("next", next);
  validation::Errors errors;
  if (email.empty()) errors.add("email", "login_email_required");
  if (password.empty()) errors.add("password", "login_password_required");
  if (!errors.empty()) {
    web::add_errors(data, errors, context.catalog());
    return login_page(context, std::move(data), 422);
  }
  const auto result = log_in(context.services.database, policy_from(context), email, password,
                             context.request.client_address);
  if (result.outcome == LoginResult::Outcome::throttled) {
    data.set("failure",
             context.catalog().format(
                 "login_throttled",
                 {{"minutes", std::to_string(context.services.config.login_lockout_minutes)}}));
    return login_page(context, std::move(data), 429);
  }
  if (result.outcome == LoginResult::Outcome::wrong_credentials) {
    data.set("failure", std::string(context.catalog().text("login_failed")));
    return login_page(context, std::move(data), 401);
  }
  auto response = Response::redirect(next);
  auto options = context.cookie_options();
  response.set_cookies.push_back(
      http::make_set_cookie(web::kSessionCookie, result.session_token, options));
  return response;
}

Response submit_logout(Context& context) {
  log_out(context.services.database, context.session->token_hash);
  auto response = Response::redirect("/login?notice=login_logged_out");
  auto options = context.cookie_options();
  options.max_age = 0;
  response.set_cookies.push_back(http::make_set_cookie(web::kSessionCookie, "", options));
  return response;
}

// ---- password --------------------------------------------------------------------------

Response password_page(Context& context, view::Data data, int status) {
  if (auto notice = notice_text(context); !notice.empty()) data.set("notice", notice);
  data.set("min_hint", min_hint(context));
  return web::render_page(context, kTemplates("password"), std::move(data),
                          {.title = std::string(context.catalog().text("password_title")),
                           .status = status,
                           .nav = "account"});
}

Response show_password(Context& context) {
  return password_page(context, {}, 200);
}

Response submit_password(Context& context) {
  const auto& form = context.form();
  try {
    change_password(context.services.database, context.services.hash_cost, *context.session,
                    form.value("current_password"), form.value("new_password"),
                    form.value("confirm_password"));
  } catch (const validation::Invalid& invalid) {
    view::Data data;
    web::add_errors(data, invalid.errors, context.catalog());
    return password_page(context, std::move(data), 422);
  }
  return Response::redirect("/account/password?notice=password_changed");
}

// ---- language ---------------------------------------------------------------------------

Response submit_language(Context& context) {
  const auto& form = context.form();
  const auto back = web::safe_local_path(form.value("back"));
  const auto language = i18n::parse_language(form.value("language"));
  auto response = Response::redirect(back);
  if (!language) return response;
  const std::string code(i18n::code(*language));
  if (context.session) set_language(context.services.database, context.session->user.id, code);
  auto options = context.cookie_options();
  options.max_age = 365LL * 24 * 3600;
  response.set_cookies.push_back(http::make_set_cookie(web::kLanguageCookie, code, options));
  return response;
}

// ---- users (admin) ----------------------------------------------------------------------

Response users_page(Context& context, view::Data data, const NewUser& input, int status) {
  const auto& catalog = context.catalog();
  auto members = accounts::members(context.services.database, context.actor());
  std::sort(members.begin(), members.end(), [&](const auto& a, const auto& b) {
    return i18n::collate_less(a.user.name, b.user.name, context.language);
  });
  auto rows = view::list();
  for (const auto& member : members) {
    view::Data row;
    row.set("name", member.user.name);
    row.set("email", member.user.email);
    row.set("role", std::string(catalog.text("role_" + std::string(auth::code(member.role)))));
    row.set("language", std::string(catalog.text("language_" + member.user.language)));
    rows.push_back(row);
  }
  std::vector<std::string> role_codes;
  role_codes.reserve(std::size(auth::kRoles));
  for (const auto role : auth::kRoles) role_codes.emplace_back(auth::code(role));
  data.set("form_name", input.name);
  data.set("form_email", input.email);
  data.set("members", rows);
  data.set("roles", web::choices(role_codes, "role_", input.role, catalog));
  data.set("languages", web::choices(i18n::language_codes(), "language_", input.language, catalog));
  data.set("caption", catalog.format("users_caption", {{"workspace", context.workspace().name}}));
  data.set("min_hint", min_hint(context));
  if (auto notice = notice_text(context); !notice.empty()) data.set("notice", notice);
  return web::render_page(
      context, kTemplates("users"), std::move(data),
      {.title = std::string(catalog.text("users_title")), .status = status, .nav = "users"});
}

Response show_users(Context& context) {
  NewUser defaults;
  defaults.language = std::string(i18n::code(context.language));
  return users_page(context, {}, defaults, 200);
}

Response submit_user(Context& context) {
  const auto& form = context.form();
  NewUser input;
  input.name = form.value("name");
  input.email = form.value("email");
  input.password = form.value("password");
  input.language = form.value("language");
  input.role = form.value("role");
  try {
    add_user(context.services.database, context.services.hash_cost, context.actor(), input);
  } catch (const validation::Invalid& invalid) {
    view::Data data;
    web::add_errors(data, invalid.errors, context.catalog());
    return users_page(context, std::move(data), input, 422);
  }
  return Response::redirect("/users?notice=users_created");
}

}  // namespace

void add_routes(web::App& app) {
  using auth::Permission;
  app.add({Method::get, "/login", Access::anyone(), show_login});
  app.add({Method::post, "/login", Access::anyone(), submit_login});
  app.add({Method::post, "/logout", Access::signed_in(), submit_logout});
  app.add({Method::post, "/language", Access::anyone(), submit_language});
  app.add({Method::get, "/account/password", Access::signed_in(), show_password});
  app.add({Method::post, "/account/password", Access::signed_in(), submit_password});
  app.add({Method::get, "/users", Access::needs(Permission::manage_users), show_users});
  app.add({Method::post, "/users", Access::needs(Permission::manage_users), submit_user});
  auto& menu = app.services().navigation;
  menu.add({"users", "/users", "nav_users", Access::needs(Permission::manage_users), 80});
  menu.add({"tokens", "/api-tokens", "nav_tokens", Access::needs(Permission::manage_users), 85});
  menu.add({"account", "/account/password", "nav_account", Access::signed_in(), 90});
}

}  // namespace samtryg::accounts
