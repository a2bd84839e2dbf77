#include "features/site/public_support.hpp"

#include <fmt/format.h>

#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "core/web/fragment_cache.hpp"
#include "features/indicators/presentation.hpp"
#include "features/site/store.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::site {

namespace {

// The languages a visitor can choose, each a link (no form, so a kept page has nothing of the
// visitor in it): ?lang= sets the choice and comes back here.
view::Data language_links(const web::Context& context, const std::string& path,
                          const std::string& query) {
  auto links = view::list();
  for (const auto language : i18n::kLanguages) {
    view::Data link;
    link.set("code", std::string(i18n::code(language)));
    link.set("label", std::string(i18n::Catalog::get(language).text(
                          "language_" + std::string(i18n::code(language)))));
    link.set("href", fmt::format("{}?{}lang={}", path, query.empty() ? "" : query + "&",
                                 i18n::code(language)));
    link.set("current", view::flag(language == context.language));
    links.push_back(link);
  }
  return links;
}

std::string layout(web::Context& context, const PublicSite& site, const PublicPage& page,
                   const std::string& content) {
  view::Data data;
  data.set("lang", std::string(i18n::code(context.language)));
  data.set("title", page.title);
  data.set("site_name", site.workspace.name);
  data.set("home", site.base);
  data.set("colour_version", std::to_string(site.settings.row_version));
  data.set("asset_version", context.services.assets.version());
  data.set("languages", language_links(context, context.request.path, page.query));
  data.set("content", view::text(content));
  data.set("responsible", view::text(site.settings.responsible));
  if (!page.updated.empty()) {
    data.set("updated", i18n::format_iso_date(page.updated.substr(0, 10), context.language));
  }
  data.set("canonical", context.services.config.effective_public_url() +
                            (page.path.empty() ? context.request.path : page.path));
  data.set("content_lang", site.workspace.language);
  data.set("preview", view::flag(site.preview));
  data.set("feed", view::text(page.feed));
  data.set("news_href", site.base + "/news");
  return view::render(kTemplates("layout"), data, context.catalog());
}

// The visitor's language choice, kept a year in a cookie (no account needed).
void remember_language(web::Context& context, i18n::Language language) {
  auto options = context.cookie_options();
  options.max_age = 365LL * 24 * 3600;
  context.set_cookies.push_back(
      http::make_set_cookie(web::kLanguageCookie, std::string(i18n::code(language)), options));
}

// ?lang= on any public page: the visitor's choice is kept (a cookie, no account) and the page
// comes back without it.
std::optional<http::Response> chosen_language(web::Context& context) {
  const auto asked = context.query("lang");
  if (asked.empty()) return std::nullopt;
  // A search keeps its words in the new language.
  const auto words = context.query("q");
  auto response = http::Response::redirect(
      words.empty() ? context.request.path
                    : fmt::format("{}?q={}", context.request.path, web::url_encode(words)));
  if (const auto language = i18n::parse_language(asked)) remember_language(context, *language);
  return response;
}

// A page of a known site that shows nothing (an unknown or unpublished id): the site's own
// "not found" in the visitor's language.
http::Response not_found(web::Context& context, const PublicSite& site) {
  view::Data data;
  data.set("home", site.base);
  return http::Response::html(
      public_html(context, site, {context.text("site_not_found_title"), "not_found", {}}, data),
      404);
}

// A request the site cannot answer (a search too long, text that is no text): the site's own
// 400 in the visitor's language, saying what to do.
http::Response bad_request(web::Context& context, const PublicSite& site,
                           const std::string& text_key) {
  view::Data data;
  data.set("home", site.base);
  data.set("text", context.text(text_key));
  return http::Response::html(
      public_html(context, site, {context.text("site_bad_request_title"), "bad_request", {}}, data),
      400);
}

// The visitor's choice (the cookie), a signed-in person's own, or the workspace's.
void choose_language(web::Context& context, const PublicSite& site) {
  if (!context.cookie(web::kLanguageCookie) && !context.session) {
    context.language = i18n::parse_language(site.workspace.language).value_or(context.language);
  }
}

// The site of `row` as its pages read it, in the visitor's language.
PublicSite site_of(web::Context& context, store::PublicRow row, bool preview) {
  PublicSite site;
  site.preview = preview;
  site.settings = std::move(row.settings);
  site.workspace = std::move(row.workspace);
  site.last_change = std::move(row.last_change);
  site.reader = auth::Actor::for_role(site.workspace.id, audit::Author{std::nullopt, "public"},
                                      std::nullopt, auth::Role::viewer);
  site.base = "/p/" + site.settings.slug;
  choose_language(context, site);
  return site;
}

std::string slug_of(const web::Context& context) {
  const auto found = context.params.find("slug");
  return found == context.params.end() ? std::string() : found->second;
}

}  // namespace

std::string public_html(web::Context& context, const PublicSite& site, const PublicPage& page,
                        view::Data data) {
  data.set("base", site.base);
  // The partnership's own texts are in the workspace's language, whatever the visitor reads.
  data.set("content_lang", site.workspace.language);
  data.set("lang", std::string(i18n::code(context.language)));
  if (page.bare) {
    data.set("site_name", site.workspace.name);
    data.set("title", page.title);
    data.set("asset_version", context.services.assets.version());
    data.set("colour_version", std::to_string(site.settings.row_version));
    return view::render(kTemplates(page.template_name), data, context.catalog());
  }
  return layout(context, site, page,
                view::render(kTemplates(page.template_name), data, context.catalog()));
}

// The published plans a citizen reads: a plan that a later published version replaced is
// history (the staff pages keep it).
std::vector<strategy::Plan> current_plans(soci::session& sql, const PublicSite& site) {
  auto plans = strategy::plans(sql, site.reader);
  std::set<long long> replaced;
  for (const auto& plan : plans) {
    if (plan.previous_version_id) replaced.insert(*plan.previous_version_id);
  }
  std::erase_if(plans, [&](const strategy::Plan& plan) { return replaced.contains(plan.id); });
  // The newest first: what the partnership works on now.
  std::stable_sort(plans.begin(), plans.end(),
                   [](const auto& a, const auto& b) { return a.period_start > b.period_start; });
  return plans;
}

Versions versions_of(soci::session& sql, const PublicSite& site,
                     const strategy::Initiative& initiative) {
  std::map<long long, strategy::Plan> plans;
  for (auto& plan : strategy::plans(sql, site.reader)) plans.emplace(plan.id, std::move(plan));
  const auto same_in = [&](long long plan_id) -> std::optional<long long> {
    strategy::InitiativeFilter filter;
    filter.plan_id = plan_id;
    for (const auto& row : strategy::initiatives(sql, site.reader, filter)) {
      if (row.initiative.name == initiative.name) return row.initiative.id;
    }
    return std::nullopt;
  };
  Versions out;
  const auto own = plans.find(initiative.plan_id);
  if (own == plans.end()) return out;
  for (auto at = own->second.previous_version_id; at;) {
    const auto plan = plans.find(*at);
    if (plan == plans.end()) break;
    if (const auto found = same_in(plan->first)) out.earlier.emplace_back(*found, plan->second);
    at = plan->second.previous_version_id;
  }
  for (const auto& [plan_id, plan] : plans) {
    if (plan.previous_version_id != initiative.plan_id) continue;
    if (const auto found = same_in(plan_id)) out.newer.emplace(*found, plan);
  }
  return out;
}

PublicReader reader_of(const PublicSite& site) {
  return {site.reader, site.base, site.workspace.language};
}

http::Response serve_public(web::Context& context, PublicHandler page) {
  if (auto redirect = chosen_language(context)) return std::move(*redirect);
  std::optional<PublicSite> found;
  try {
    found = public_site(context);
  } catch (const validation::NotFound&) {
    return no_site(context);
  }
  try {
    return page(context, *found);
  } catch (const validation::NotFound&) {
    return not_found(context, *found);
  } catch (const BadPublicRequest& bad) {
    return bad_request(context, *found, bad.text_key);
  } catch (const http::InvalidText&) {
    return bad_request(context, *found, "site_bad_text");
  }
}

std::optional<std::string> framed(web::Context& context, long long workspace_id,
                                  const std::function<FramedPage(const PublicReader&)>& content) {
  std::optional<store::PublicRow> row;
  {
    auto sql = context.services.database.session();
    row = store::public_row_of(sql, workspace_id);
  }
  if (!row || !row->settings.enabled) return std::nullopt;
  const auto site = site_of(context, std::move(*row), false);
  // The layout's language links (?lang=) work here too: the choice is kept and shown at once.
  if (const auto asked = i18n::parse_language(context.query("lang"))) {
    remember_language(context, *asked);
    context.language = *asked;
  }
  const auto page = content(reader_of(site));
  view::Data data;
  data.set("html", view::text(page.content_html));
  return public_html(
      context, site,
      {.title = page.title, .template_name = "item", .updated = page.updated, .path = page.path},
      std::move(data));
}

http::Response no_site(web::Context& context) {
  view::Data data;
  data.set("lang", std::string(i18n::code(context.language)));
  data.set("asset_version", context.services.assets.version());
  return http::Response::html(view::render(kTemplates("no_site"), data, context.catalog()), 404);
}

PublicSite public_site(web::Context& context) {
  std::optional<store::PublicRow> row;
  {
    auto sql = context.services.database.session();
    row = store::public_row(sql, slug_of(context));
  }
  if (!row) throw validation::NotFound();
  const auto& settings = row->settings;
  // A coordinator (or admin) of the workspace sees the site before it is switched on.
  const bool preview = !settings.enabled;
  if (preview && !(context.role() && context.workspace().id == settings.workspace_id &&
                   auth::allows(*context.role(), auth::Permission::edit_all))) {
    throw validation::NotFound();
  }
  return site_of(context, std::move(*row), preview);
}

namespace {

// What a public answer's caching rests on: the workspace's data version, the site's settings,
// the visitor's language and the day (a promise scheduled for publication becomes public
// without a change); the latest audited change for Last-Modified.
struct Freshness {
  std::string etag;
  std::string modified;
};

// Read with the site (store::public_row): no query of its own.
Freshness freshness_of(const web::Context& context, const PublicSite& site) {
  return {fmt::format("\"p{}-{}-{}-{}-{}\"", site.workspace.data_version, site.settings.row_version,
                      i18n::code(context.language), today_iso_utc(), SAMTRYG_VERSION),
          http_date(site.last_change.empty() ? site.settings.updated_at : site.last_change)};
}

// The answer kept under `freshness` (built once per version: its body, content type and any
// headers of its own), or 304 when the visitor has it.
http::Response cached(web::Context& context, const PublicSite& site, const Freshness& freshness,
                      const std::function<PublicFile()>& build) {
  const auto headers = [&](http::Response& response) {
    response.header("ETag", freshness.etag);
    if (!freshness.modified.empty()) response.header("Last-Modified", freshness.modified);
    // Anyone may keep it, but asks again each time: a publish shows at once. A preview is the
    // coordinator's alone.
    response.header("Cache-Control", site.preview ? "private, no-store" : "public, no-cache");
    response.header("Vary", "Cookie");
  };
  const auto asked = context.request.header("If-None-Match");
  if (http::matches_etag(asked, freshness.etag) ||
      (asked.empty() && !freshness.modified.empty() &&
       context.request.header("If-Modified-Since") == freshness.modified)) {
    auto response = http::Response::text("", 304);
    response.headers.erase("Content-Type");
    headers(response);
    return response;
  }
  const auto key = fmt::format("public:{}:{}:{}:{}", site.workspace.id, context.request.path,
                               freshness.etag, site.preview ? "preview" : "public");
  auto kept = context.services.fragments->find(key);
  if (!kept) {
    auto file = build();
    // Kept as a fragment: its title the content type, its pieces the body and then the
    // Content-Disposition and Content-Security-Policy it asks for ("" for none).
    web::Fragment built;
    built.title = std::move(file.content_type);
    built.pieces.push_back({std::move(file.content)});
    built.pieces.push_back({std::move(file.disposition)});
    built.pieces.push_back({std::move(file.policy)});
    kept = std::make_shared<const web::Fragment>(std::move(built));
    context.services.fragments->store(key, kept);
  }
  auto response = http::Response::text(kept->pieces[0].text);
  response.header("Content-Type", kept->title);
  if (!kept->pieces[1].text.empty()) response.header("Content-Disposition", kept->pieces[1].text);
  if (!kept->pieces[2].text.empty()) {
    response.header("Content-Security-Policy", kept->pieces[2].text);
  }
  headers(response);
  return response;
}

}  // namespace

http::Response public_response(web::Context& context, const PublicSite& site,
                               const std::function<std::pair<PublicPage, view::Data>()>& build) {
  return cached(context, site, freshness_of(context, site), [&] {
    auto [page, data] = build();
    return PublicFile{.content = public_html(context, site, page, std::move(data)),
                      .content_type = "text/html; charset=utf-8"};
  });
}

http::Response public_data(web::Context& context, const PublicSite& site,
                           const std::string& content_type,
                           const std::function<std::string()>& build) {
  return cached(context, site, freshness_of(context, site),
                [&] { return PublicFile{.content = build(), .content_type = content_type}; });
}

view::Data indicator_view(web::Context& context, const indicators::IndicatorRecord& record) {
  const auto& indicator = record.indicator;
  auto chart = indicators::time_series_of(indicator, record.targets, record.values,
                                          record.assessment.target_id, context.catalog());
  chart.id = "indicator-" + std::to_string(indicator.id);
  view::Data entry;
  entry.set("name", indicator.name);
  entry.set("source", view::text(indicator.source_note));
  entry.set("status", indicators::status_label(record.assessment.status, context.catalog()));
  entry.set("explanation", view::text(indicators::status_explanation(
                               indicator, record.assessment, record.targets, context.catalog())));
  // Drawn by samtryg's own chart code from figures it escapes: shown inline.
  entry.set("svg", view::text(indicators::charts::time_series(chart)));
  auto rows = view::list();
  bool example = false;
  for (const auto& point : chart.points) {
    view::Data row;
    row.set("period", point.label);
    row.set("value", point.value ? chart.format(*point.value) : std::string("–"));
    row.set("example", view::flag(point.example));
    example = example || point.example;
    rows.push_back(row);
  }
  entry.set("rows", rows);
  // Made-up figures are said to be so in words, not only in the chart's legend.
  entry.set("example", view::flag(example));
  return entry;
}

http::Response public_file(web::Context& context, const PublicSite& site,
                           const std::function<PublicFile()>& build) {
  return cached(context, site, freshness_of(context, site), build);
}

}  // namespace samtryg::site
