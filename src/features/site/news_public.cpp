// The public news: the list, each item's page (Markdown rendered, its photo with its text), the
// photo itself, and Atom feeds (RFC 4287) of the whole site and of each initiative.
#include "features/site/news_public.hpp"

#include <fmt/format.h>

#include "core/demo/marks.hpp"
#include "core/documents/atom.hpp"
#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "features/site/store.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::site {

namespace {

using http::Method;
using http::Response;
using web::Context;

// The first paragraph of the Markdown as plain words, for lists and feeds.
std::string summary_of(const std::string& body) {
  auto text = body.substr(0, body.find("\n\n"));
  std::string out;
  for (const char c : text) {
    if (c == '*' || c == '_' || c == '#' || c == '`') continue;
    out += c == '\n' ? ' ' : c;
  }
  if (out.size() > 300) {
    auto cut = out.rfind(' ', 300);
    out = out.substr(0, cut == std::string::npos ? 300 : cut) + " …";
  }
  return out;
}

News public_item(soci::session& sql, const PublicSite& site, long long id) {
  for (auto& news : public_news(sql, site)) {
    if (news.id == id) return std::move(news);
  }
  throw validation::NotFound();
}

Response news_index(Context& context, const PublicSite& site) {
  return public_response(context, site, [&] {
    auto sql = context.services.database.session();
    const auto news = public_news(sql, site);
    view::Data data;
    data.set("name", site.workspace.name);
    const auto entries = news_entries(context, site, news, news.size());
    data.set("news", entries);
    data.set("has_news", view::flag(!entries.is_empty_list()));
    data.set("feed", site.base + "/news.atom");
    std::string updated = site.settings.updated_at;
    for (const auto& item : news) updated = std::max(updated, item.updated_at);
    return std::pair{PublicPage{.title = context.text("site_news_public_title"),
                                .template_name = "news_index",
                                .updated = updated,
                                .path = site.base + "/news",
                                .feed = site.base + "/news.atom"},
                     data};
  });
}

Response news_page(Context& context, const PublicSite& site) {
  const auto id = context.path_id();
  return public_response(context, site, [&] {
    auto sql = context.services.database.session();
    const auto news = public_item(sql, site, id);
    view::Data data;
    data.set("title", news.title);
    data.set("day", i18n::format_iso_date(news.published_on, context.language));
    data.set("day_iso", news.published_on);
    data.set("body_html", view::text(documents::markdown_html(news.body)));
    if (!news.image_sha256.empty()) {
      data.set("image",
               fmt::format("{}/image?v={}", news_path(site, id), news.image_sha256.substr(0, 12)));
      data.set("image_alt", news.image_alt);
      data.set("image_width", std::to_string(news.image_width));
      data.set("image_height", std::to_string(news.image_height));
    }
    if (news.initiative_id) {
      if (const auto initiative =
              strategy::find_initiative(sql, site.reader, *news.initiative_id)) {
        data.set("initiative", initiative->name);
        data.set("initiative_href", fmt::format("{}/initiatives/{}", site.base, initiative->id));
      }
    }
    data.set("example", view::text(demo::example_note(
                            context.catalog(), "site_news_",
                            demo::marks_of(sql, site.workspace.id, "site_news", id))));
    data.set("news_href", site.base + "/news");
    return std::pair{PublicPage{.title = news.title,
                                .template_name = "news_page",
                                .updated = news.updated_at,
                                .path = news_path(site, id),
                                .feed = site.base + "/news.atom"},
                     data};
  });
}

Response news_image(Context& context, const PublicSite& site) {
  auto sql = context.services.database.session();
  const auto news = public_item(sql, site, context.path_id());
  if (news.image_sha256.empty()) throw validation::NotFound();
  const auto etag = "\"" + news.image_sha256 + "\"";
  if (http::matches_etag(context.request.header("If-None-Match"), etag)) {
    auto response = Response::text("", 304);
    response.headers.erase("Content-Type");
    response.header("ETag", etag);
    return response;
  }
  const auto bytes = crypto::base64_decode(store::news_image(sql, news.id));
  if (!bytes) throw std::runtime_error("a stored news photo is not base64");
  auto response = Response::text(*bytes);
  response.header("Content-Type", "image/jpeg");
  response.header("ETag", etag);
  // The address names the photo's version: a new photo is a new address. It may stop being
  // public, so shared caches ask again.
  response.header("Cache-Control", "public, no-cache");
  return response;
}

std::string feed_of(Context& context, const PublicSite& site, const std::vector<News>& news,
                    const std::string& title, const std::string& page_path,
                    const std::string& feed_path, const std::string& tag) {
  const auto origin = context.services.config.effective_public_url();
  documents::Feed feed;
  feed.id = documents::tag_uri(origin, site.settings.updated_at.substr(0, 10), tag);
  feed.title = title;
  feed.self = origin + feed_path;
  feed.alternate = origin + page_path;
  feed.author = site.workspace.name;
  feed.language = site.workspace.language;
  feed.updated = site.settings.updated_at;
  for (const auto& item : news) {
    feed.updated = std::max(feed.updated, item.updated_at);
    feed.entries.push_back({.id = documents::tag_uri(origin, item.created_at.substr(0, 10),
                                                     fmt::format("{}/news/{}", tag, item.id)),
                            .title = item.title,
                            .updated = item.updated_at,
                            .link = origin + news_path(site, item.id),
                            .content = item.body});
  }
  return documents::atom_xml(feed);
}

Response site_feed(Context& context, const PublicSite& site) {
  return public_data(context, site, "application/atom+xml; charset=utf-8", [&] {
    auto sql = context.services.database.session();
    return feed_of(context, site, public_news(sql, site),
                   site.workspace.name + " – " + context.text("site_news_public_title"),
                   site.base + "/news", site.base + "/news.atom", "site/" + site.settings.slug);
  });
}

Response initiative_feed(Context& context, const PublicSite& site) {
  const auto id = context.path_id();
  const auto initiative = strategy::readable_initiative(context.services.database, site.reader, id);
  return public_data(context, site, "application/atom+xml; charset=utf-8", [&] {
    auto sql = context.services.database.session();
    const auto path = fmt::format("{}/initiatives/{}", site.base, id);
    const auto news = initiative_news(sql, site, id, versions_of(sql, site, initiative));
    return feed_of(context, site, news, initiative.name, path, path + "/news.atom",
                   fmt::format("site/{}/initiative/{}", site.settings.slug, id));
  });
}

}  // namespace

std::string news_path(const PublicSite& site, long long id) {
  return fmt::format("{}/news/{}", site.base, id);
}

std::vector<News> public_news(soci::session& sql, const PublicSite& site,
                              std::optional<long long> initiative_id) {
  const auto today = today_iso_utc();
  std::map<long long, bool> readable;
  std::vector<News> out;
  for (auto& news : store::news(sql, site.workspace.id)) {
    if (!is_public(news, today)) continue;
    if (initiative_id && news.initiative_id != initiative_id) continue;
    if (news.initiative_id) {
      // News about an initiative the public does not see would name it.
      const auto [at, fresh] = readable.try_emplace(*news.initiative_id, false);
      if (fresh) {
        at->second = strategy::find_initiative(sql, site.reader, *news.initiative_id).has_value();
      }
      if (!at->second) continue;
    }
    out.push_back(std::move(news));
  }
  return out;
}

std::vector<News> initiative_news(soci::session& sql, const PublicSite& site,
                                  long long initiative_id, const Versions& versions) {
  auto news = public_news(sql, site, initiative_id);
  for (const auto& [earlier_id, plan] : versions.earlier) {
    auto more = public_news(sql, site, earlier_id);
    news.insert(news.end(), more.begin(), more.end());
  }
  std::stable_sort(news.begin(), news.end(),
                   [](const News& a, const News& b) { return a.published_on > b.published_on; });
  return news;
}

view::Data news_entries(const web::Context& context, const PublicSite& site,
                        const std::vector<News>& news, std::size_t limit) {
  auto list = view::list();
  for (std::size_t i = 0; i < news.size() && i < limit; ++i) {
    view::Data entry;
    entry.set("title", news[i].title);
    entry.set("href", news_path(site, news[i].id));
    entry.set("day", i18n::format_iso_date(news[i].published_on, context.language));
    entry.set("day_iso", news[i].published_on);
    entry.set("summary", view::text(summary_of(news[i].body)));
    list.push_back(entry);
  }
  return list;
}

void add_public_news_routes(web::App& app) {
  const auto anyone = web::Access::anyone();
  app.add({Method::get, "/p/{slug}/news", anyone, site_page<news_index>});
  app.add({Method::get, "/p/{slug}/news.atom", anyone, site_page<site_feed>});
  app.add({Method::get, "/p/{slug}/news/{id}", anyone, site_page<news_page>});
  app.add({Method::get, "/p/{slug}/news/{id}/image", anyone, site_page<news_image>});
  app.add(
      {Method::get, "/p/{slug}/initiatives/{id}/news.atom", anyone, site_page<initiative_feed>});
}

}  // namespace samtryg::site
