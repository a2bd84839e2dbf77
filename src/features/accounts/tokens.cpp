#include "features/accounts/tokens.hpp"

#include <boost/json/object.hpp>

#include <charconv>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/page.hpp"

namespace samtryg::accounts {

namespace {

using http::Method;
using http::Response;
using web::Access;
using web::Context;

std::string t(const Context& context, std::string_view key) {
  return std::string(context.catalog().text(key));
}

audit::Entry token_entry(const Context& context, std::string action, long long id,
                         boost::json::value after) {
  audit::Entry entry;
  entry.workspace_id = context.workspace().id;
  entry.author.user_id = context.session->user.id;
  entry.author.label = context.session->user.email;
  entry.action = std::move(action);
  entry.entity = "api_token";
  entry.entity_id = std::to_string(id);
  entry.after = std::move(after);
  return entry;
}

Response tokens_page(Context& context, const std::string& new_token, const std::string& name,
                     const std::string& user, const validation::Errors& errors, int status) {
  auto sql = context.services.database.session();
  auto rows = view::list();
  for (const auto& token : auth::api_tokens(sql, context.workspace().id)) {
    view::Data row;
    row.set("id", std::to_string(token.id));
    row.set("name", token.name);
    row.set("user", token.user_name);
    row.set("created", token.created_at.substr(0, 10));
    row.set("revoked", view::text(token.revoked_at.substr(
                           0, std::min<std::size_t>(10, token.revoked_at.size()))));
    rows.push_back(row);
  }
  std::vector<web::Option> people;
  for (const auto& member : auth::members_of(sql, context.workspace().id)) {
    people.push_back(
        {std::to_string(member.user.id), member.user.name + " (" + member.user.email + ")"});
  }
  const std::vector<web::Field> fields{
      {"name",
       t(context, "tokens_name"),
       name,
       web::Field::Kind::text,
       true,
       t(context, "tokens_name_hint"),
       {},
       4},
      {"user_id", t(context, "tokens_user"), user, web::Field::Kind::select, true,
       t(context, "tokens_user_hint"), people, 4},
  };
  view::Data data;
  data.set("has_tokens", view::flag(!rows.is_empty_list()));
  data.set("tokens", rows);
  data.set("new_token", view::text(new_token));
  data.set("fields", web::fields_data(fields, errors, context.catalog()));
  if (context.query("notice") == "tokens_revoked_notice") {
    data.set("notice", t(context, "tokens_revoked_notice"));
  }
  web::add_errors(data, errors, context.catalog());
  return web::render_page(context, "src/features/accounts/templates/tokens.mustache",
                          std::move(data),
                          {.title = t(context, "tokens_title"), .status = status, .nav = "tokens"});
}

Response show_tokens(Context& context) {
  return tokens_page(context, "", "", std::to_string(context.session->user.id), {}, 200);
}

Response create_token(Context& context) {
  const auto& form = context.form();
  const auto name = std::string(form.value("name"));
  const auto user_text = form.value("user_id");
  validation::Errors errors;
  if (name.empty()) {
    errors.add("name", "field_required");
  } else if (validation::utf8_length(name) > 100) {
    errors.add("name", "field_too_long", {{"max", "100"}});
  }
  const auto user_id = parse_id(user_text);
  bool member = false;
  {
    auto sql = context.services.database.session();
    for (const auto& item : auth::members_of(sql, context.workspace().id)) {
      member = member || (user_id && item.user.id == *user_id);
    }
  }
  if (!member) errors.add("user_id", "link_not_in_workspace");
  if (!errors.empty()) return tokens_page(context, "", name, user_text, errors, 422);
  const auto token = "st_" + crypto::random_token();
  context.services.database.in_transaction([&](soci::session& sql) {
    const auto id =
        auth::insert_api_token(sql, context.workspace().id, *user_id, name, token, now_iso_utc());
    audit::record(sql, token_entry(context, "create", id,
                                   boost::json::object{{"name", name}, {"user_id", *user_id}}));
  });
  // Shown once, never stored: only its hash is kept.
  return tokens_page(context, token, "", std::to_string(context.session->user.id), {}, 201);
}

long long token_id(const Context& context) {
  const auto id = parse_id(context.params.at("id"));
  if (!id) throw validation::NotFound();
  auto sql = context.services.database.session();
  for (const auto& token : auth::api_tokens(sql, context.workspace().id)) {
    if (token.id == *id && token.revoked_at.empty()) return *id;
  }
  throw validation::NotFound();
}

Response confirm_revoke(Context& context) {
  const auto id = token_id(context);
  std::string name;
  {
    auto sql = context.services.database.session();
    for (const auto& token : auth::api_tokens(sql, context.workspace().id)) {
      if (token.id == id) name = token.name;
    }
  }
  view::Data data;
  data.set("id", std::to_string(id));
  data.set("heading", context.catalog().format("tokens_revoke_heading", {{"name", name}}));
  return web::render_page(context, "src/features/accounts/templates/token_revoke.mustache",
                          std::move(data),
                          {.title = t(context, "tokens_title"), .status = 200, .nav = "tokens"});
}

Response revoke_token(Context& context) {
  const auto id = token_id(context);
  context.services.database.in_transaction([&](soci::session& sql) {
    if (!auth::revoke_api_token(sql, context.workspace().id, id, now_iso_utc())) {
      throw validation::NotFound();
    }
    audit::record(sql, token_entry(context, "revoke", id, nullptr));
  });
  return Response::redirect("/api-tokens?notice=tokens_revoked_notice");
}

}  // namespace

void add_token_routes(web::App& app) {
  const auto admins = Access::needs(auth::Permission::manage_users);
  app.add({Method::get, "/api-tokens", admins, show_tokens});
  app.add({Method::post, "/api-tokens", admins, create_token});
  app.add({Method::get, "/api-tokens/{id}/revoke", admins, confirm_revoke});
  app.add({Method::post, "/api-tokens/{id}/revoke", admins, revoke_token});
}

}  // namespace samtryg::accounts
