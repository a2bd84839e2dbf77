// Full-text search over the plans, initiatives and activities the reader may see.
#include "core/web/page.hpp"
#include "core/web/pager.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

constexpr int kPerPage = 20;

std::string href_of(const SearchHit& hit) {
  if (hit.entity == "plan") return "/plans/" + std::to_string(hit.entity_id);
  if (hit.entity == "initiative") return "/initiatives/" + std::to_string(hit.entity_id);
  return "/activities/" + std::to_string(hit.entity_id);
}

// Previous and next without counting every hit: one more than a page tells a next exists.
view::Data search_pager(const Context& context, const std::string& query, int page, bool more) {
  if (page <= 1 && !more) return view::flag(false);
  view::Data pager;
  const auto base = "/search?q=" + web::url_encode(query) + "&page=";
  pager.set("prev", view::text(page > 1 ? base + std::to_string(page - 1) : std::string()));
  pager.set("next", view::text(more ? base + std::to_string(page + 1) : std::string()));
  pager.set("text", context.catalog().format("search_page", {{"page", std::to_string(page)}}));
  return pager;
}

void add_hits(view::Data& data, Context& context, const std::string& query) {
  const int page = web::page_param(context);
  std::vector<SearchHit> hits;
  {
    auto sql = context.services.database.session();
    hits = search(sql, context.services.database.backend(), context.actor(), query, kPerPage + 1,
                  (page - 1) * kPerPage);
  }
  const bool more = hits.size() > static_cast<std::size_t>(kPerPage);
  if (more) hits.pop_back();
  auto items = view::list();
  for (const auto& hit : hits) {
    view::Data item;
    item.set("title", hit.title);
    item.set("excerpt", hit.excerpt);
    item.set("kind", context.text("search_kind_" + hit.entity));
    item.set("href", href_of(hit));
    items.push_back(item);
  }
  data.set("has_hits", view::flag(!hits.empty()));
  data.set("hits", items);
  data.set("summary",
           view::text(hits.empty()
                          ? context.catalog().format("search_none", {{"q", query}})
                          : context.catalog().format(
                                "search_summary", {{"q", query}, {"page", std::to_string(page)}})));
  data.set("pager", search_pager(context, query, page, more));
}

http::Response show_search(Context& context) {
  const auto query = context.query("q");
  view::Data data;
  data.set("q", query);
  data.set("searched", view::flag(!query.empty()));
  if (query.empty()) {
    data.set("pager", view::flag(false));
  } else {
    add_hits(data, context, query);
  }
  return web::render_page(context, kTemplates("search"), std::move(data),
                          {.title = context.text("search_title"), .status = 200, .nav = "search"});
}

}  // namespace

void add_search_routes(web::App& app) {
  app.add({http::Method::get, "/search", web::Access::needs(auth::Permission::read_published),
           show_search});
}

}  // namespace samtryg::strategy
