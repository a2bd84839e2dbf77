#include "features/accounts/tokens.hpp"

#include "core/util/strings.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/page.hpp"
#include "core/web/templates.hpp"
#include "features/accounts/commands.hpp"

namespace samtryg::accounts {

namespace {

using http::Method;
using http::Response;
using web::Context;

constexpr web::Templates kTemplates{"accounts"};

// What the token form shows: a new token once, and the input again after a refusal.
struct TokenForm {
  std::string new_token{};
  std::string name{};
  std::string user{};
  std::string scope = "read";
  validation::Errors errors{};
  int status = 200;
};

view::Data token_rows(Context& context) {
  auto rows = view::list();
  for (const auto& token : api_tokens(context.services.database, context.actor())) {
    view::Data row;
    row.set("id", std::to_string(token.id));
    row.set("name", token.name);
    row.set("user", token.user_name);
    row.set("scope", context.text("tokens_scope_" + token.scope));
    row.set("created", token.created_at.substr(0, 10));
    row.set("revoked", view::text(token.revoked_at.substr(
                           0, std::min<std::size_t>(10, token.revoked_at.size()))));
    rows.push_back(row);
  }
  return rows;
}

Response tokens_page(Context& context, const TokenForm& form) {
  std::vector<web::Option> people;
  for (const auto& member : members(context.services.database, context.actor())) {
    people.push_back(
        {std::to_string(member.user.id), member.user.name + " (" + member.user.email + ")"});
  }
  const std::vector<web::Field> fields{
      {.name = "name",
       .label = context.text("tokens_name"),
       .value = form.name,
       .required = true,
       .hint = context.text("tokens_name_hint")},
      {.name = "user_id",
       .label = context.text("tokens_user"),
       .value = form.user,
       .kind = web::Field::Kind::select,
       .required = true,
       .hint = context.text("tokens_user_hint"),
       .options = people},
      {.name = "scope",
       .label = context.text("tokens_scope"),
       .value = form.scope,
       .kind = web::Field::Kind::select,
       .required = true,
       .hint = context.text("tokens_scope_hint"),
       .options = {{"read", context.text("tokens_scope_read")},
                   {"write", context.text("tokens_scope_write")}}},
  };
  const auto rows = token_rows(context);
  view::Data data;
  data.set("has_tokens", view::flag(!rows.is_empty_list()));
  data.set("tokens", rows);
  data.set("new_token", view::text(form.new_token));
  data.set("fields", web::fields_data(fields, form.errors, context.catalog()));
  if (context.query("notice") == "tokens_revoked_notice") {
    data.set("notice", context.text("tokens_revoked_notice"));
  }
  web::add_errors(data, form.errors, context.catalog());
  return web::render_page(
      context, kTemplates("tokens"), std::move(data),
      {.title = context.text("tokens_title"), .status = form.status, .nav = "tokens"});
}

Response show_tokens(Context& context) {
  return tokens_page(context, {.user = std::to_string(context.session->user.id)});
}

Response create_token(Context& context) {
  const auto& form = context.form();
  const auto name = form.value("name");
  const auto user_text = form.value("user_id");
  const auto scope = form.value("scope", "read");
  try {
    const auto token = create_api_token(context.services.database, context.actor(),
                                        parse_id(user_text).value_or(0), name, scope);
    // Shown once, never stored: only its hash is kept.
    return tokens_page(
        context,
        {.new_token = token, .user = std::to_string(context.session->user.id), .status = 201});
  } catch (const validation::Invalid& invalid) {
    return tokens_page(
        context,
        {.name = name, .user = user_text, .scope = scope, .errors = invalid.errors, .status = 422});
  }
}

// The token of the path, while it is still in use.
auth::ApiToken active_token(Context& context) {
  const auto id = context.path_id();
  for (auto& token : api_tokens(context.services.database, context.actor())) {
    if (token.id == id && token.revoked_at.empty()) return token;
  }
  throw validation::NotFound();
}

Response confirm_revoke(Context& context) {
  const auto token = active_token(context);
  view::Data data;
  data.set("id", std::to_string(token.id));
  data.set("heading", context.catalog().format("tokens_revoke_heading", {{"name", token.name}}));
  return web::render_page(context, kTemplates("token_revoke"), std::move(data),
                          {.title = context.text("tokens_title"), .status = 200, .nav = "tokens"});
}

Response revoke_token(Context& context) {
  revoke_api_token(context.services.database, context.actor(), active_token(context).id);
  return Response::redirect("/api-tokens?notice=tokens_revoked_notice");
}

}  // namespace

void add_token_routes(web::App& app) {
  const auto admins = web::Access::needs(auth::Permission::manage_users);
  app.add({Method::get, "/api-tokens", admins, show_tokens});
  app.add({Method::post, "/api-tokens", admins, create_token});
  app.add({Method::get, "/api-tokens/{id}/revoke", admins, confirm_revoke});
  app.add({Method::post, "/api-tokens/{id}/revoke", admins, revoke_token});
}

}  // namespace samtryg::accounts
