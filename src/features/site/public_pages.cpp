#include "features/site/public_pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/demo/marks.hpp"
#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "core/web/page.hpp"
#include "features/indicators/presentation.hpp"
#include "features/indicators/queries.hpp"
#include "features/site/news_public.hpp"
#include "features/site/public_support.hpp"
#include "features/site/sections.hpp"
#include "features/strategy/page_support.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::site {

namespace {

using http::Method;
using http::Response;
using web::Context;

// The feature that publishes pages under the address's {kind}; validation::NotFound for none.
const PublicKind& kind_of(const Context& context) {
  const auto name = context.params.find("kind");
  for (const auto& kind : context.services.hooks.find<PublicKinds>().kinds) {
    if (name != context.params.end() && kind.kind == name->second) return kind;
  }
  throw validation::NotFound();
}

std::string initiative_path(const PublicSite& site, long long id) {
  return site.base + "/initiatives/" + std::to_string(id);
}

// The published plans with their focus areas, each with its published initiatives.
view::Data plans_data(soci::session& sql, const PublicSite& site, std::string& updated) {
  auto plans = view::list();
  for (const auto& plan : current_plans(sql, site)) {
    strategy::InitiativeFilter filter;
    filter.plan_id = plan.id;
    filter.top_level_only = true;
    filter.by_id = true;
    const auto rows = strategy::initiatives(sql, site.reader, filter);
    updated = std::max(updated, plan.updated_at);
    const auto entry_of = [&](const strategy::InitiativeRow& row) {
      updated = std::max(updated, row.last_update);
      view::Data entry;
      entry.set("name", row.initiative.name);
      entry.set("href", initiative_path(site, row.initiative.id));
      entry.set("purpose", view::text(row.initiative.purpose));
      return entry;
    };
    auto areas = view::list();
    for (const auto& area : strategy::focus_areas(sql, site.reader, plan.id)) {
      auto initiatives = view::list();
      for (const auto& row : rows) {
        if (row.initiative.focus_area_id == area.id) initiatives.push_back(entry_of(row));
      }
      if (initiatives.is_empty_list()) continue;
      view::Data entry;
      entry.set("name", area.name);
      entry.set("description", view::text(area.description));
      entry.set("initiatives", initiatives);
      areas.push_back(entry);
    }
    auto loose = view::list();
    for (const auto& row : rows) {
      if (!row.initiative.focus_area_id) loose.push_back(entry_of(row));
    }
    view::Data entry;
    entry.set("name", plan.name);
    entry.set("summary_html", view::text(documents::markdown_html(plan.summary)));
    entry.set("areas", areas);
    entry.set("has_areas", view::flag(!areas.is_empty_list()));
    entry.set("loose", loose);
    entry.set("has_loose", view::flag(!loose.is_empty_list()));
    plans.push_back(entry);
  }
  return plans;
}

Response home(Context& context, const PublicSite& site) {
  return public_response(context, site, [&] {
    auto sql = context.services.database.session();
    std::string updated = site.settings.updated_at;
    view::Data data;
    data.set("name", site.workspace.name);
    const auto plans = plans_data(sql, site, updated);
    data.set("plans", plans);
    data.set("has_plans", view::flag(!plans.is_empty_list()));
    // The latest news, after the plans.
    const auto news = public_news(sql, site);
    const auto latest = news_entries(context, site, news, 3);
    data.set("news", latest);
    data.set("has_news", view::flag(!latest.is_empty_list()));
    data.set("more_news", view::flag(news.size() > 3));
    for (const auto& item : news) updated = std::max(updated, item.updated_at);
    // What the other features publish (PublicSections), each a section of its own.
    auto sections = context.services.hooks.find<PublicSections>().sections;
    std::stable_sort(sections.begin(), sections.end(),
                     [](const auto& a, const auto& b) { return a.order < b.order; });
    const auto reader = reader_of(site);
    std::string parts;
    for (const auto& section : sections) parts += section.render(context, sql, reader);
    data.set("sections_html", view::text(parts));
    return std::pair{PublicPage{.title = context.text("site_home"),
                                .template_name = "home",
                                .updated = updated,
                                .path = site.base,
                                .feed = site.base + "/news.atom"},
                     data};
  });
}

// The initiative's activities done and planned (cancelled ones aside), read once.
std::pair<view::Data, view::Data> activities_data(Context& context, soci::session& sql,
                                                  const PublicSite& site, long long initiative_id,
                                                  std::string& updated) {
  const auto marked = demo::marks_of(sql, site.workspace.id, "activity");
  strategy::ActivityFilter filter;
  filter.initiative_id = initiative_id;
  auto done = view::list();
  auto planned = view::list();
  for (const auto& activity : strategy::activities(sql, site.reader, filter)) {
    if (activity.status == "cancelled") continue;
    const bool is_done = activity.status == "done";
    updated = std::max(updated, activity.updated_at);
    view::Data entry;
    entry.set("title", activity.title);
    entry.set("description", view::text(activity.description));
    entry.set("when", view::text(strategy::flexible_text(
                          context, is_done ? activity.done_when : activity.planned_when)));
    entry.set("status", web::code_label(context, "activity_status_", activity.status));
    if (const auto marks = marked.find(activity.id); marks != marked.end()) {
      entry.set("example", demo::example_note(context.catalog(), "activity_", marks->second));
    }
    (is_done ? done : planned).push_back(entry);
  }
  return {done, planned};
}

// Each published indicator that follows up the initiative: its status, a chart and the same
// figures as a table.
view::Data indicators_data(Context& context, soci::session& sql, const PublicSite& site,
                           const strategy::Initiative& initiative) {
  const auto today = today_iso_utc();
  auto records = indicators::following_up(
      indicators::plan_indicators(sql, site.reader, initiative.plan_id, today), initiative.id,
      initiative.focus_area_id);
  auto list = view::list();
  for (const auto& record : records) {
    auto entry = indicator_view(context, record);
    entry.set("open", fmt::format("{}/indicators/{}", site.base, record.indicator.id));
    entry.set("origin", context.services.config.effective_public_url());
    list.push_back(entry);
  }
  return list;
}

view::Data version_link(const PublicSite& site, long long id, const strategy::Plan& plan) {
  view::Data link;
  link.set("href", initiative_path(site, id));
  link.set("plan", plan.name);
  link.set("period",
           fmt::format("{}–{}", plan.period_start.substr(0, 4), plan.period_end.substr(0, 4)));
  return link;
}

Response initiative_page(Context& context, const PublicSite& site) {
  const auto id = context.path_id();
  return public_response(context, site, [&] {
    auto sql = context.services.database.session();
    const auto initiative = strategy::readable_initiative(sql, site.reader, id);
    std::string updated = initiative.updated_at;
    std::string lead;
    strategy::InitiativeFilter filter;
    filter.plan_id = initiative.plan_id;
    for (const auto& row : strategy::initiatives(sql, site.reader, filter)) {
      if (row.initiative.id == id) lead = row.lead_name;
    }
    if (!initiative.lead_title.empty() && lead != initiative.lead_title) {
      lead = lead.empty() ? initiative.lead_title : lead + ", " + initiative.lead_title;
    }
    view::Data data;
    data.set("name", initiative.name);
    data.set("purpose", view::text(initiative.purpose));
    // Written in the staff pages' Markdown, shown as they show it.
    for (const auto& [key, text] : {std::pair{"goals_html", &initiative.goals},
                                    std::pair{"background_html", &initiative.background},
                                    std::pair{"already_done_html", &initiative.already_done},
                                    std::pair{"focus_html", &initiative.focus}}) {
      data.set(key, view::text(text->empty() ? std::string() : documents::markdown_html(*text)));
    }
    data.set("lead", view::text(lead));
    const auto [done, planned] = activities_data(context, sql, site, id, updated);
    data.set("done", done);
    data.set("has_done", view::flag(!done.is_empty_list()));
    data.set("planned", planned);
    data.set("has_planned", view::flag(!planned.is_empty_list()));
    auto documents = view::list();
    for (const auto& document : strategy::documents(sql, site.reader, std::nullopt, id)) {
      view::Data entry;
      entry.set("name", document.filename);
      entry.set("href", site.base + "/documents/" + std::to_string(document.id));
      entry.set("size", fmt::format("{} kB", (document.size_bytes + 1023) / 1024));
      documents.push_back(entry);
    }
    data.set("documents", documents);
    data.set("has_documents", view::flag(!documents.is_empty_list()));
    // Its news, and that of the same initiative in the plan's earlier versions.
    const auto versions = versions_of(sql, site, initiative);
    auto news = public_news(sql, site, id);
    auto earlier = view::list();
    for (const auto& [earlier_id, plan] : versions.earlier) {
      earlier.push_back(version_link(site, earlier_id, plan));
      auto more = public_news(sql, site, earlier_id);
      news.insert(news.end(), more.begin(), more.end());
    }
    std::stable_sort(news.begin(), news.end(),
                     [](const News& a, const News& b) { return a.published_on > b.published_on; });
    data.set("earlier", earlier);
    data.set("has_earlier", view::flag(!earlier.is_empty_list()));
    if (versions.newer) {
      data.set("newer", version_link(site, versions.newer->first, versions.newer->second));
    }
    const auto news_list = news_entries(context, site, news, news.size());
    data.set("news", news_list);
    data.set("has_news", view::flag(!news_list.is_empty_list()));
    for (const auto& item : news) updated = std::max(updated, item.updated_at);
    data.set("news_feed", initiative_path(site, id) + "/news.atom");
    const auto indicators = indicators_data(context, sql, site, initiative);
    data.set("indicators", indicators);
    data.set("has_indicators", view::flag(!indicators.is_empty_list()));
    return std::pair{PublicPage{.title = initiative.name,
                                .template_name = "initiative",
                                .updated = updated,
                                .path = initiative_path(site, id),
                                .feed = initiative_path(site, id) + "/news.atom"},
                     data};
  });
}

Response document_download(Context& context, const PublicSite& site) {
  auto sql = context.services.database.session();
  const auto document = strategy::readable_document(sql, site.reader, context.path_id());
  const auto etag = "\"" + document.sha256 + "\"";
  auto response = http::matches_etag(context.request.header("If-None-Match"), etag)
                      ? Response::text("", 304)
                      : Response::html(document.content);
  if (response.status != 304) {
    response.header("Content-Type", document.content_type);
    response.header("Content-Disposition", web::content_disposition(document.filename));
  }
  response.header("ETag", etag);
  response.header("Cache-Control", "public, no-cache");
  return response;
}

// A page another feature publishes (PublicKinds): a walk's results.
Response item_page(Context& context, const PublicSite& site) {
  const auto& kind = kind_of(context);
  const auto id = context.path_id();
  return public_response(context, site, [&] {
    auto sql = context.services.database.session();
    auto item = kind.page(context, sql, reader_of(site), id);
    view::Data data;
    data.set("html", view::text(item.html));
    return std::pair{PublicPage{item.title, "item", item.updated,
                                fmt::format("{}/{}/{}", site.base, kind.kind, id)},
                     data};
  });
}

// A file such a page shows (a walk's photo, a report as PDF).
Response item_file(Context& context, const PublicSite& site) {
  const auto& kind = kind_of(context);
  if (!kind.file) throw validation::NotFound();
  const auto variant = context.params.find("variant");
  const auto id = context.path_id();
  const auto name = variant == context.params.end() ? std::string() : variant->second;
  // Built once per data version: taking a file off the site is a change, so a kept copy is
  // never served after it.
  return public_file(context, site, [&] { return kind.file(context, reader_of(site), id, name); });
}

// An address under the site that is no page of it: the site's own "not found".
Response no_page(Context& /*context*/, const PublicSite& /*site*/) {
  throw validation::NotFound();
}

Response accessibility(Context& context, const PublicSite& site) {
  return public_response(context, site, [&] {
    const auto& s = site.settings;
    view::Data data;
    data.set("name", site.workspace.name);
    data.set("responsible", view::text(s.responsible));
    data.set("contact_email", view::text(s.contact_email));
    if (!s.statement_published.empty()) {
      data.set("published", i18n::format_iso_date(s.statement_published, context.language));
    }
    if (!s.statement_reviewed.empty()) {
      data.set("reviewed", i18n::format_iso_date(s.statement_reviewed, context.language));
    }
    data.set("known_issues", view::text(s.known_issues));
    data.set("feedback_url", view::text(s.feedback_url));
    data.set("authority_url", view::text(s.authority_url));
    return std::pair{PublicPage{context.text("site_accessibility_title"), "accessibility",
                                s.updated_at, site.base + "/accessibility"},
                     data};
  });
}

// Every public page's address, for search engines.
Response sitemap(Context& context, const PublicSite& site) {
  auto sql = context.services.database.session();
  const auto origin = context.services.config.effective_public_url();
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  const auto add = [&](const std::string& path) {
    out += "  <url><loc>" + view::escape_html(origin + path) + "</loc></url>\n";
  };
  add(site.base);
  add(site.base + "/accessibility");
  add(site.base + "/news");
  for (const auto& news : public_news(sql, site)) add(news_path(site, news.id));
  for (const auto& plan : current_plans(sql, site)) {
    strategy::InitiativeFilter filter;
    filter.plan_id = plan.id;
    for (const auto& row : strategy::initiatives(sql, site.reader, filter)) {
      add(initiative_path(site, row.initiative.id));
    }
  }
  for (const auto& kind : context.services.hooks.find<PublicKinds>().kinds) {
    for (const auto id : kind.ids(sql, reader_of(site))) {
      add(fmt::format("{}/{}/{}", site.base, kind.kind, id));
    }
  }
  out += "</urlset>\n";
  auto response = Response::text(std::move(out));
  response.header("Content-Type", "application/xml; charset=utf-8");
  response.header("Cache-Control", "public, no-cache");
  return response;
}

// The band's colour, as a stylesheet of its own: pages allow styles from samtryg only.
Response colours(Context& /*context*/, const PublicSite& site) {
  auto response = Response::text(fmt::format(
      ":root {{ --band: {}; }}\n",
      parse_colour(site.settings.colour) ? site.settings.colour : std::string(kDefaultColour)));
  response.header("Content-Type", "text/css; charset=utf-8");
  // The layout names the settings' version in its address: a new colour is a new address.
  response.header("Cache-Control", "public, max-age=86400");
  return response;
}

}  // namespace

void add_public_routes(web::App& app) {
  const auto anyone = web::Access::anyone();
  app.add({Method::get, "/p/{slug}", anyone, site_page<home>});
  app.add({Method::get, "/p/{slug}/initiatives/{id}", anyone, site_page<initiative_page>});
  app.add({Method::get, "/p/{slug}/documents/{id}", anyone, site_page<document_download>});
  app.add({Method::get, "/p/{slug}/accessibility", anyone, site_page<accessibility>});
  app.add({Method::get, "/p/{slug}/sitemap.xml", anyone, site_page<sitemap>});
  app.add({Method::get, "/p/{slug}/colours.css", anyone, site_page<colours>});
  app.add({Method::get, "/p/{slug}/{page}", anyone, site_page<no_page>});
  app.add({Method::get, "/p/{slug}/{kind}/{id}", anyone, site_page<item_page>});
  app.add({Method::get, "/p/{slug}/{kind}/files/{id}", anyone, site_page<item_file>});
  app.add({Method::get, "/p/{slug}/{kind}/files/{id}/{variant}", anyone, site_page<item_file>});
}

}  // namespace samtryg::site
