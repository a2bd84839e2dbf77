// Decisions across all meetings, searchable ("what did the lokalråd decide about Nytorv?"):
// each with its number, its agenda item and its meeting. Viewers find published decisions only.
#include "core/i18n/locale_format.hpp"
#include "core/web/page.hpp"
#include "features/meetings/page_support.hpp"

namespace samtryg::meetings {

namespace {

constexpr std::size_t kShown = 100;
// Longer queries are cut: nobody types a decision's whole text to find it.
constexpr std::size_t kMaxQuery = 200;

Response search_page(Context& context) {
  const auto actor = context.actor();
  auto query = context.query("q");
  if (query.size() > kMaxQuery) query.resize(kMaxQuery);
  auto sql = context.services.database.session();
  auto items = view::list();
  for (const auto& found : search_decisions(sql, actor, query, kShown)) {
    view::Data item;
    item.set("number", std::to_string(found.decision.number));
    item.set("text", found.decision.text);
    item.set("item", found.item_title);
    item.set("meeting", found.meeting_title);
    item.set("meeting_id", std::to_string(found.decision.meeting_id));
    item.set("item_id", std::to_string(found.decision.item_id));
    item.set("day", i18n::format_iso_date(found.meeting_starts_at.substr(0, 10), context.language));
    item.set("published", view::flag(found.decision.published));
    item.set("link", view::flag(actor.read_all));
    items.push_back(item);
  }
  view::Data data;
  data.set("q", query);
  data.set("decisions", items);
  data.set("has_decisions", view::flag(!items.is_empty_list()));
  data.set("searched", view::flag(!query.empty()));
  data.set("can_read_meetings", view::flag(actor.read_all));
  return web::render_page(
      context, kTemplates("decisions"), std::move(data),
      {.title = context.text("meeting_decisions_title"), .status = 200, .nav = "meetings"});
}

}  // namespace

void add_decision_routes(web::App& app) {
  app.add({Method::get, "/decisions", web::Access::needs(auth::Permission::read_published),
           search_page});
}

}  // namespace samtryg::meetings
