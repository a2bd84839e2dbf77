#include "features/walks/pages.hpp"

#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "features/history/subjects.hpp"
#include "features/home/sections.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/strategy/hooks.hpp"
#include "features/walks/api.hpp"
#include "features/walks/naming.hpp"
#include "features/walks/page_support.hpp"
#include "features/walks/public_site.hpp"

namespace samtryg::walks {

namespace {

// On the start page: the actions this person owns that are still open, overdue ones marked.
std::string start_section(Context& context) {
  auto sql = context.services.database.session();
  const auto owned = my_open_actions(sql, context.actor());
  if (owned.empty()) return {};
  const auto today = today_iso_utc();
  auto items = view::list();
  for (const auto& entry : owned) {
    view::Data item;
    item.set("walk_id", std::to_string(entry.walk_id));
    item.set("id", std::to_string(entry.action.id));
    item.set("description", entry.action.description);
    item.set("walk", walk_title(context.catalog(), entry.area, entry.season, entry.year));
    item.set("number", std::to_string(entry.finding_number));
    item.set("status", context.text("walk_action_status_" + entry.action.status));
    if (!entry.action.due_date.empty()) {
      item.set("due", i18n::format_iso_date(entry.action.due_date, context.language));
    }
    item.set("overdue", view::flag(is_overdue(entry.action, today)));
    items.push_back(item);
  }
  view::Data data;
  data.set("actions", items);
  return view::render(kTemplates("home_actions"), data, context.catalog());
}

// On a body's agenda: the walks' actions still open after their due day, one line each with its
// walk, finding, who is responsible and the day it was due.
std::vector<meetings::AgendaSuggestion> overdue_suggestion(Context& context, soci::session& sql,
                                                           const meetings::AgendaPeriod& period) {
  const auto actor = context.actor();
  if (!actor.read_all) return {};
  const auto overdue = store::overdue_actions(sql, actor.workspace_id, period.until);
  if (overdue.empty()) return {};
  std::vector<std::string> lines;
  lines.reserve(overdue.size());
  for (const auto& entry : overdue) {
    const auto& action = entry.action;
    lines.push_back(context.catalog().format(
        action.responsible_party.empty() ? "agenda_walk_action" : "agenda_walk_action_party",
        {{"walk", walk_title(context.catalog(), entry.area, entry.season, entry.year)},
         {"number", std::to_string(entry.finding_number)},
         {"action", action.description},
         {"party", action.responsible_party},
         {"due", i18n::format_iso_date(action.due_date, context.language)}}));
  }
  return {{context.text("agenda_walk_actions_title"), meetings::agenda_lines(lines)}};
}

history::Subject walk_subject(Context& context, long long id) {
  auto sql = context.services.database.session();
  const auto walk = readable_walk(sql, context.actor(), id);
  return history::Subject{walk_title(context, walk), walk_path(id)};
}

history::Subject base_map_subject(Context& context, long long) {
  return history::Subject{context.text("walk_base_map_title"), "/walks/base-map"};
}

}  // namespace

void add_routes(web::App& app) {
  add_walk_page_routes(app);
  add_walk_form_routes(app);
  add_finding_routes(app);
  add_action_routes(app);
  add_photo_routes(app);
  add_report_routes(app);
  add_base_map_routes(app);
  add_dated_source(app);
  add_public_site(app);
  add_api_routes(app);
  app.services().navigation.add(
      {"walks", "/walks", "nav_walks", web::Access::needs(auth::Permission::read_published), 35});
  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add("walk", walk_subject);
  hooks.get<history::Subjects>().add("walk_base_map", base_map_subject);
  hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
      "src/features/walks/data/openapi.json");
  hooks.get<home::StartSections>().sections.push_back({25, start_section});
  hooks.get<meetings::AgendaSources>().sources.push_back({40, overdue_suggestion});
}

}  // namespace samtryg::walks
