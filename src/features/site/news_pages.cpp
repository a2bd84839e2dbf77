// The staff's news pages (coordinators and admins): the list with each item's state (draft,
// to be published on a day, published), the form (Markdown, one photo with its text, the
// initiative it is about, the day it is published), deleting after a confirmation, and the
// photo itself for the staff's preview.
#include <fmt/format.h>

#include "core/i18n/locale_format.hpp"
#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/site/commands.hpp"
#include "features/site/pages.hpp"
#include "features/site/public_support.hpp"
#include "features/site/store.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::site {

namespace {

using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

std::string news_path(long long id) {
  return fmt::format("/site/news/{}", id);
}

// The initiatives the news may be about, "(the whole partnership)" first.
// Each named with its plan (and the plan's version), since a new version of a plan repeats
// its initiatives' names.
std::vector<web::Option> initiative_options(Context& context, soci::session& sql) {
  std::map<long long, std::string> plans;
  for (const auto& plan : strategy::plans(sql, context.actor())) {
    plans[plan.id] = plan.version > 1
                         ? context.catalog().format(
                               "site_news_plan_version",
                               {{"plan", plan.name}, {"version", std::to_string(plan.version)}})
                         : plan.name;
  }
  std::vector<web::Option> options{{"", context.text("site_news_about_all")}};
  for (const auto& row :
       strategy::initiatives(sql, context.actor(), strategy::InitiativeFilter{})) {
    const auto& initiative = row.initiative;
    options.push_back({std::to_string(initiative.id),
                       fmt::format("{} ({})", initiative.name, plans[initiative.plan_id])});
  }
  return options;
}

News readable_news(Context& context, soci::session& sql, long long id) {
  auto found = store::find_news(sql, context.actor().workspace_id, id);
  if (!found) throw validation::NotFound();
  return std::move(*found);
}

Response news_list(Context& context) {
  auto sql = context.services.database.session();
  const auto today = today_iso_utc();
  std::map<std::string, std::string> initiative_names;
  for (const auto& option : initiative_options(context, sql)) {
    initiative_names[option.code] = option.label;
  }
  const auto settings = store::settings_of(sql, context.actor().workspace_id);
  auto items = view::list();
  for (const auto& news : store::news(sql, context.actor().workspace_id)) {
    view::Data item;
    item.set("id", std::to_string(news.id));
    item.set("title", news.title);
    const auto state = std::string(news_state(news, today));
    item.set("state",
             context.catalog().format(
                 "site_news_state_" + state,
                 {{"day", news.published_on.empty()
                              ? std::string()
                              : i18n::format_iso_date(news.published_on, context.language)}}));
    item.set("state_code", state);
    if (news.initiative_id) {
      item.set("initiative", view::text(initiative_names[std::to_string(*news.initiative_id)]));
    }
    // The public page, once the site is on and the day has come.
    if (settings && settings->enabled && state == "published") {
      item.set("public_href", fmt::format("/p/{}/news/{}", settings->slug, news.id));
    }
    items.push_back(item);
  }
  view::Data data;
  data.set("news", items);
  data.set("has_news", view::flag(!items.is_empty_list()));
  data.set("notice", view::text(web::notice_text(context, {"notice_saved", "notice_deleted"})));
  return web::render_page(
      context, kTemplates("news_list"), std::move(data),
      {.title = context.text("site_news_title"), .status = 200, .nav = "site_news"});
}

Response news_form(Context& context, const News& news, const validation::Errors& errors,
                   bool conflict, int status) {
  auto sql = context.services.database.session();
  web::FormPage form;
  form.heading = news.id == 0 ? context.text("site_news_new") : context.text("site_news_edit");
  form.intro = context.text("site_news_form_intro");
  form.action = news.id == 0 ? std::string("/site/news") : news_path(news.id);
  form.submit = news.id == 0 ? context.text("site_news_save_new") : context.text("form_save");
  form.cancel = "/site/news";
  form.multipart = true;
  web::Field initiative{.name = "initiative_id",
                        .label = context.text("site_news_initiative"),
                        .value = news.initiative_id ? std::to_string(*news.initiative_id) : "",
                        .kind = Kind::select,
                        .hint = context.text("site_news_initiative_hint")};
  initiative.options = initiative_options(context, sql);
  form.fields = {{.name = "title",
                  .label = context.text("site_news_title_field"),
                  .value = news.title,
                  .required = true},
                 initiative,
                 {.name = "published_on",
                  .label = context.text("site_news_published_on"),
                  .value = news.published_on,
                  .kind = Kind::date,
                  .hint = context.text("site_news_published_on_hint")},
                 {.name = "body",
                  .label = context.text("site_news_body"),
                  .value = news.body,
                  .kind = Kind::markdown,
                  .hint = context.text("site_news_body_hint")},
                 {.name = "image",
                  .label = news.image_sha256.empty() ? context.text("site_news_image")
                                                     : context.text("site_news_image_replace"),
                  .kind = Kind::file,
                  .hint = context.text("site_news_image_hint")},
                 {.name = "image_alt",
                  .label = context.text("site_news_image_alt"),
                  .value = news.image_alt,
                  .hint = context.text("site_news_image_alt_hint")}};
  if (!news.image_sha256.empty()) {
    form.fields.push_back({.name = "remove_image",
                           .label = context.text("site_news_image_remove"),
                           .kind = Kind::checkbox});
    view::Data preview;
    preview.set("src", news_path(news.id) + "/image?v=" + news.image_sha256.substr(0, 12));
    preview.set("alt", news.image_alt);
    form.after_form_html =
        view::render(kTemplates("news_image_preview"), preview, context.catalog());
  }
  form.hidden = web::hidden_values({{"row_version", std::to_string(news.row_version)}});
  form.errors = errors;
  form.conflict = conflict;
  form.status = status;
  form.nav = "site_news";
  return web::render_form(context, form);
}

News typed_news(Context& context, News news) {
  const auto& form = context.form();
  news.title = std::string(trim(form.value("title")));
  news.body = form.value("body");
  news.published_on = std::string(trim(form.value("published_on")));
  news.image_alt = std::string(trim(form.value("image_alt")));
  news.initiative_id = parse_id(form.value("initiative_id"));
  if (const auto version = parse_integer(form.value("row_version"))) news.row_version = *version;
  return news;
}

NewsPhoto typed_photo(Context& context) {
  NewsPhoto photo;
  const auto* file = context.form().file("image");
  if (file != nullptr && !file->bytes.empty()) photo.upload = file->bytes;
  photo.remove = !context.form().value("remove_image").empty();
  return photo;
}

Response save(Context& context, const News& typed) {
  const auto photo = typed_photo(context);
  return web::submit(
      [&] {
        save_news(context.services.database, context.actor(), typed, photo);
        return Response::redirect("/site/news?notice=notice_saved");
      },
      [&](const validation::Errors& refused, bool conflict) {
        auto found = refused;
        // A browser cannot fill a file field again: the photo chosen is not kept.
        if (photo.upload && found.for_field("image") == nullptr) {
          found.add("image", "site_news_image_again");
        }
        auto shown = typed;
        if (shown.id != 0) {
          auto sql = context.services.database.session();
          const auto stored = readable_news(context, sql, shown.id);
          shown.image_sha256 = stored.image_sha256;
          if (conflict) shown.row_version = stored.row_version;
        }
        return news_form(context, shown, found, conflict, conflict ? 409 : 422);
      });
}

Response new_news(Context& context) {
  News news;
  news.published_on = today_iso_utc();
  return news_form(context, news, {}, false, 200);
}

Response create_news(Context& context) {
  return save(context, typed_news(context, News{}));
}

Response edit_news(Context& context) {
  const auto news = [&] {
    auto sql = context.services.database.session();
    return readable_news(context, sql, context.path_id());
  }();
  return news_form(context, news, {}, false, 200);
}

Response update_news(Context& context) {
  News stored;
  {
    auto sql = context.services.database.session();
    stored = readable_news(context, sql, context.path_id());
  }
  return save(context, typed_news(context, stored));
}

Response confirm_delete(Context& context) {
  const auto news = [&] {
    auto sql = context.services.database.session();
    return readable_news(context, sql, context.path_id());
  }();
  return web::render_confirm(context, {.heading = context.catalog().format(
                                           "site_news_delete_heading", {{"title", news.title}}),
                                       .text = context.text("site_news_delete_text"),
                                       .confirm = context.text("site_news_delete"),
                                       .action = news_path(news.id) + "/delete",
                                       .cancel = "/site/news",
                                       .nav = "site_news"});
}

Response delete_submit(Context& context) {
  delete_news(context.services.database, context.actor(), context.path_id());
  return Response::redirect("/site/news?notice=notice_deleted");
}

// The photo for the staff's form, whatever the news's state.
Response staff_image(Context& context) {
  auto sql = context.services.database.session();
  const auto news = readable_news(context, sql, context.path_id());
  const auto bytes = crypto::base64_decode(store::news_image(sql, news.id));
  if (!bytes || bytes->empty()) throw validation::NotFound();
  auto response = Response::text(*bytes);
  response.header("Content-Type", "image/jpeg");
  response.header("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace

void add_news_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/site/news", all, news_list});
  app.add({Method::get, "/site/news/new", all, new_news});
  app.add({Method::post, "/site/news", all, create_news});
  app.add({Method::get, "/site/news/{id}/edit", all, edit_news});
  app.add({Method::post, "/site/news/{id}", all, update_news});
  app.add({Method::get, "/site/news/{id}/delete", all, confirm_delete});
  app.add({Method::post, "/site/news/{id}/delete", all, delete_submit});
  app.add({Method::get, "/site/news/{id}/image", all, staff_image});
  app.services().navigation.add({"site_news", "/site/news", "nav_site_news", all, 76});
}

}  // namespace samtryg::site
