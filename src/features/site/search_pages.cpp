// /p/{slug}/search?q=: the site's search over what it shows (plans, initiatives, news) and what
// the other features publish (site::PublicSearches: walks, promises). Read as the anonymous
// reader, so only public content can be found; a query too long or not text is a 400 page in
// the visitor's language. Results depend on the query: built anew, not kept.
#include <fmt/format.h>

#include "core/documents/document.hpp"
#include "features/site/news_public.hpp"
#include "features/site/public_pages.hpp"
#include "features/site/public_support.hpp"
#include "features/site/search.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::site {

namespace {

using http::Method;
using http::Response;
using web::Context;

// The site's own content: the current plans, their published initiatives, the public news.
std::vector<PublicDocument> own_documents(Context& context, soci::session& sql,
                                          const PublicSite& site) {
  std::vector<PublicDocument> out;
  const auto initiative_kind = context.text("site_search_kind_initiative");
  for (const auto& plan : current_plans(sql, site)) {
    out.push_back({plan.name, site.base, plan.summary, context.text("site_search_kind_plan")});
    strategy::InitiativeFilter filter;
    filter.plan_id = plan.id;
    for (const auto& row : strategy::initiatives(sql, site.reader, filter)) {
      const auto& initiative = row.initiative;
      out.push_back({initiative.name, fmt::format("{}/initiatives/{}", site.base, initiative.id),
                     fmt::format("{}\n{}\n{}\n{}\n{}", initiative.purpose, initiative.goals,
                                 initiative.background, initiative.already_done, initiative.focus),
                     initiative_kind});
    }
  }
  const auto news_kind = context.text("site_search_kind_news");
  for (const auto& news : public_news(sql, site)) {
    out.push_back({news.title, news_path(site, news.id), news.body, news_kind});
  }
  return out;
}

Response search_page(Context& context, const PublicSite& site) {
  const auto query = context.query("q");
  const auto terms = search_terms(query);
  if (!terms) throw BadPublicRequest{"site_search_too_long"};
  view::Data data;
  data.set("query", query);
  data.set("searched", view::flag(!terms->empty()));
  if (!terms->empty()) {
    auto sql = context.services.database.session();
    auto documents = own_documents(context, sql, site);
    const auto reader = reader_of(site);
    for (const auto& source : context.services.hooks.find<PublicSearches>().sources) {
      auto more = source(context, sql, reader);
      documents.insert(documents.end(), std::make_move_iterator(more.begin()),
                       std::make_move_iterator(more.end()));
    }
    auto hits = view::list();
    const auto found = search(documents, *terms);
    for (const auto& hit : found) {
      view::Data entry;
      entry.set("title", hit.document.title);
      entry.set("href", hit.document.href);
      entry.set("kind", hit.document.kind);
      entry.set("excerpt", view::text(hit.excerpt));
      hits.push_back(entry);
    }
    data.set("count",
             context.catalog().format("site_search_count",
                                      {{"count", std::to_string(found.size())}, {"query", query}}));
    data.set("hits", hits);
    data.set("has_hits", view::flag(!hits.is_empty_list()));
  }
  auto response = Response::html(public_html(
      context, site,
      {.title = terms->empty() ? context.text("site_search")
                               : context.catalog().format("site_search_title", {{"query", query}}),
       .template_name = "search",
       .updated = {},
       .path = site.base + "/search",
       .query = query.empty() ? std::string() : "q=" + web::url_encode(query)},
      std::move(data)));
  // What was searched for is the visitor's own: no shared cache keeps it.
  response.header("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace

void add_search_routes(web::App& app) {
  app.add({Method::get, "/p/{slug}/search", web::Access::anyone(), site_page<search_page>});
}

}  // namespace samtryg::site
