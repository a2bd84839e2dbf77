#include "features/site/public_support.hpp"

#include <fmt/format.h>

#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "core/web/fragment_cache.hpp"
#include "features/site/store.hpp"

namespace samtryg::site {

namespace {

// The languages a visitor can choose, each a link (no form, so a kept page has nothing of the
// visitor in it): ?lang= sets the choice and comes back here.
view::Data language_links(const web::Context& context, const std::string& path) {
  auto links = view::list();
  for (const auto language : i18n::kLanguages) {
    view::Data link;
    link.set("code", std::string(i18n::code(language)));
    link.set("label", std::string(i18n::Catalog::get(language).text(
                          "language_" + std::string(i18n::code(language)))));
    link.set("href", path + "?lang=" + std::string(i18n::code(language)));
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
  data.set("languages", language_links(context, context.request.path));
  data.set("content", view::text(content));
  data.set("responsible", view::text(site.settings.responsible));
  if (!page.updated.empty()) {
    data.set("updated", i18n::format_iso_date(page.updated.substr(0, 10), context.language));
  }
  data.set("canonical", context.services.config.effective_public_url() +
                            (page.path.empty() ? context.request.path : page.path));
  data.set("content_lang", site.workspace.language);
  return view::render(kTemplates("layout"), data, context.catalog());
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
  return layout(context, site, page,
                view::render(kTemplates(page.template_name), data, context.catalog()));
}

PublicSite public_site(web::Context& context) {
  auto sql = context.services.database.session();
  const auto settings = store::settings_by_slug(sql, slug_of(context));
  if (!settings || !settings->enabled) throw validation::NotFound();
  PublicSite site;
  site.settings = *settings;
  for (auto& workspace : auth::all_workspaces(sql)) {
    if (workspace.id == settings->workspace_id) site.workspace = std::move(workspace);
  }
  if (site.workspace.id == 0) throw validation::NotFound();
  site.reader = auth::Actor::for_role(site.workspace.id, audit::Author{std::nullopt, "public"},
                                      std::nullopt, auth::Role::viewer);
  site.base = "/p/" + settings->slug;
  // The visitor's choice (the cookie), a signed-in person's own language, or the workspace's.
  if (!context.cookie(web::kLanguageCookie) && !context.session) {
    context.language = i18n::parse_language(site.workspace.language).value_or(context.language);
  }
  return site;
}

http::Response public_response(web::Context& context, const PublicSite& site,
                               const std::function<std::pair<PublicPage, view::Data>()>& build) {
  std::string last_change;
  long long version = 0;
  {
    auto sql = context.services.database.session();
    last_change = store::last_change(sql, site.workspace.id);
    version = store::data_version(sql, site.workspace.id);
  }
  // The day too: a promise scheduled for publication becomes public without a change.
  const auto etag = fmt::format("\"p{}-{}-{}-{}-{}\"", version, site.settings.row_version,
                                i18n::code(context.language), today_iso_utc(), SAMTRYG_VERSION);
  const auto modified = http_date(last_change.empty() ? site.settings.updated_at : last_change);
  const auto headers = [&](http::Response& response) {
    response.header("ETag", etag);
    if (!modified.empty()) response.header("Last-Modified", modified);
    // Anyone may keep it, but asks again each time: a publish shows at once.
    response.header("Cache-Control", "public, no-cache");
    response.header("Vary", "Cookie");
  };
  const auto asked = context.request.header("If-None-Match");
  if (http::matches_etag(asked, etag) ||
      (asked.empty() && !modified.empty() &&
       context.request.header("If-Modified-Since") == modified)) {
    auto response = http::Response::text("", 304);
    response.headers.erase("Content-Type");
    headers(response);
    return response;
  }
  const auto key = fmt::format("public:{}:{}:{}", site.workspace.id, context.request.path, etag);
  auto kept = context.services.fragments->find(key);
  if (!kept) {
    auto [page, data] = build();
    web::Fragment built;
    built.title = page.title;
    built.pieces.push_back({public_html(context, site, page, std::move(data))});
    kept = std::make_shared<const web::Fragment>(std::move(built));
    context.services.fragments->store(key, kept);
  }
  auto response = http::Response::html(kept->pieces.front().text);
  headers(response);
  return response;
}

}  // namespace samtryg::site
