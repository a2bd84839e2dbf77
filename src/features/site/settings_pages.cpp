// The coordinator's settings of the public site: whether it is public and where, its colour,
// who answers for it, and the accessibility statement's fields.
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/site/commands.hpp"
#include "features/site/pages.hpp"
#include "features/site/store.hpp"

namespace samtryg::site {

namespace {

using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

Settings stored_or_new(Context& context) {
  auto sql = context.services.database.session();
  if (auto stored = store::settings_of(sql, context.actor().workspace_id)) return *stored;
  return Settings{};
}

Response settings_form(Context& context, const Settings& s, const validation::Errors& errors,
                       bool conflict, int status) {
  const auto text = [&](std::string_view key) { return context.text(key); };
  web::FormPage form;
  form.heading = text("site_settings_title");
  form.intro = context.query("notice") == "notice_saved"
                   ? text("notice_saved") + " " + text("site_settings_intro")
                   : text("site_settings_intro");
  if (s.enabled && !s.slug.empty()) {
    form.intro +=
        " " + context.catalog().format("site_settings_address", {{"path", "/p/" + s.slug}});
  } else if (!s.slug.empty()) {
    form.intro +=
        " " + context.catalog().format("site_settings_preview", {{"path", "/p/" + s.slug}});
  }
  form.action = "/site/settings";
  form.submit = text("form_save");
  form.cancel = "/";
  form.fields = {
      {.name = "enabled",
       .label = text("site_enabled"),
       .value = s.enabled ? "1" : "",
       .kind = Kind::checkbox,
       .hint = text("site_enabled_hint")},
      {.name = "slug",
       .label = text("site_slug"),
       .value = s.slug,
       .required = true,
       .hint = text("site_slug_hint")},
      {.name = "host", .label = text("site_host"), .value = s.host, .hint = text("site_host_hint")},
      {.name = "colour",
       .label = text("site_colour"),
       .value = s.colour,
       .required = true,
       .hint = text("site_colour_hint")},
      {.name = "responsible",
       .label = text("site_responsible"),
       .value = s.responsible,
       .hint = text("site_responsible_hint")},
      {.name = "contact_email", .label = text("site_contact_email"), .value = s.contact_email},
      {.name = "statement_published",
       .label = text("site_statement_published"),
       .value = s.statement_published,
       .kind = Kind::date,
       .hint = text("date_hint")},
      {.name = "statement_reviewed",
       .label = text("site_statement_reviewed"),
       .value = s.statement_reviewed,
       .kind = Kind::date,
       .hint = text("date_hint")},
      {.name = "known_issues",
       .label = text("site_known_issues"),
       .value = s.known_issues,
       .kind = Kind::textarea,
       .hint = text("site_known_issues_hint")},
      {.name = "feedback_url",
       .label = text("site_feedback_url"),
       .value = s.feedback_url,
       .kind = Kind::url,
       .hint = text("site_feedback_url_hint")},
      {.name = "authority_url",
       .label = text("site_authority_url"),
       .value = s.authority_url,
       .kind = Kind::url,
       .hint = text("site_authority_url_hint")},
  };
  form.hidden = web::hidden_values({{"row_version", std::to_string(s.row_version)}});
  form.errors = errors;
  form.conflict = conflict;
  form.status = status;
  form.nav = "site";
  return web::render_form(context, form);
}

Response show_settings(Context& context) {
  auto settings = stored_or_new(context);
  return settings_form(context, settings, {}, false, 200);
}

Response save_settings_submit(Context& context) {
  const auto& form = context.form();
  auto settings = stored_or_new(context);
  settings.enabled = !form.value("enabled").empty();
  settings.slug = std::string(trim(form.value("slug")));
  settings.host = to_lower_ascii(trim(form.value("host")));
  settings.colour = std::string(trim(form.value("colour")));
  settings.responsible = std::string(trim(form.value("responsible")));
  settings.contact_email = std::string(trim(form.value("contact_email")));
  settings.statement_published = std::string(trim(form.value("statement_published")));
  settings.statement_reviewed = std::string(trim(form.value("statement_reviewed")));
  settings.known_issues = std::string(trim(form.value("known_issues")));
  settings.feedback_url = std::string(trim(form.value("feedback_url")));
  settings.authority_url = std::string(trim(form.value("authority_url")));
  if (const auto version = parse_integer(form.value("row_version")))
    settings.row_version = *version;
  return web::submit(
      [&] {
        save_settings(context.services.database, context.actor(), settings);
        return Response::redirect("/site/settings?notice=notice_saved");
      },
      [&](const validation::Errors& found, bool conflict) {
        auto shown = settings;
        if (conflict) shown.row_version = stored_or_new(context).row_version;
        return settings_form(context, shown, found, conflict, conflict ? 409 : 422);
      });
}

}  // namespace

void add_settings_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/site/settings", all, show_settings});
  app.add({Method::post, "/site/settings", all, save_settings_submit});
  app.services().navigation.add({"site", "/site/settings", "nav_site", all, 75});
}

}  // namespace samtryg::site
