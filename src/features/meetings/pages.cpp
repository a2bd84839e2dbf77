#include "features/meetings/pages.hpp"

#include <map>

#include "core/i18n/locale_format.hpp"
#include "features/history/subjects.hpp"
#include "features/home/sections.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/meetings/api.hpp"
#include "features/meetings/page_support.hpp"
#include "features/strategy/hooks.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::meetings {

namespace {

history::Subject meeting_subject(Context& context, long long id) {
  auto sql = context.services.database.session();
  const auto meeting = readable_meeting(sql, context.actor(), id);
  return history::Subject{meeting.title, meeting_path(id)};
}

std::optional<std::string> meeting_wording(Context& context, std::string_view field,
                                           const std::string& recorded) {
  if (field == "status") return context.text("meeting_status_" + recorded);
  return std::nullopt;
}

// On the start page: the action items this person owns that are still open, overdue ones
// marked, each with a button to mark it done.
std::string start_section(Context& context) {
  auto sql = context.services.database.session();
  const auto owned = my_open_actions(sql, context.actor());
  // Marked done from here: the start page says so, even when it was the last one.
  const bool marked = context.query("notice") == "notice_meeting_action_done";
  if (owned.empty() && !marked) return {};
  const auto today = local_now().substr(0, 10);
  auto items = view::list();
  for (const auto& entry : owned) {
    view::Data item;
    item.set("id", std::to_string(entry.action.id));
    item.set("title", entry.action.title);
    item.set("meeting", entry.meeting_title);
    item.set("meeting_id", std::to_string(entry.action.meeting_id));
    item.set("due", i18n::format_iso_date(entry.action.due_on, context.language));
    item.set("overdue", view::flag(is_overdue(entry.action, today)));
    item.set("csrf", context.csrf_token());
    items.push_back(item);
  }
  view::Data data;
  data.set("actions", items);
  data.set("has_actions", view::flag(!owned.empty()));
  data.set("marked", view::flag(marked));
  return view::render(kTemplates("home_actions"), data, context.catalog());
}

// On a body's agenda: the action items of its earlier meetings that are still open, one line
// each with owner and due day, overdue ones said so.
std::vector<AgendaSuggestion> open_actions_suggestion(Context& context, soci::session& sql,
                                                      const AgendaPeriod& period) {
  if (!period.group_id) return {};
  const auto actor = context.actor();
  const auto open =
      store::open_actions_of_body(sql, actor.workspace_id, *period.group_id, period.until);
  if (open.empty()) return {};
  std::map<long long, std::string> names;
  for (const auto& person : strategy::people(sql, actor)) names[person.id] = person.name;
  std::vector<std::string> lines;
  lines.reserve(open.size());
  for (const auto& entry : open) {
    const auto& action = entry.action;
    const auto owner = names.find(action.owner_user_id);
    lines.push_back(context.catalog().format(
        is_overdue(action, period.until) ? "meeting_suggestion_action_overdue"
                                         : "meeting_suggestion_action",
        {{"title", action.title},
         {"owner", owner == names.end() ? std::string() : owner->second},
         {"due", i18n::format_iso_date(action.due_on, context.language)},
         {"meeting", entry.meeting_title}}));
  }
  return {{context.text("meeting_suggestion_actions_title"), meetings::agenda_lines(lines)}};
}

}  // namespace

void add_routes(web::App& app) {
  add_meeting_page_routes(app);
  add_meeting_form_routes(app);
  add_agenda_routes(app);
  add_decision_routes(app);
  add_calendar_routes(app);
  add_suggestion_routes(app);
  add_theme_routes(app);
  add_minutes_routes(app);
  add_invitation_routes(app);
  add_year_routes(app);
  add_api_routes(app);
  app.services().navigation.add({"meetings", "/meetings", "nav_meetings",
                                 web::Access::needs(auth::Permission::read_workspace), 38});
  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add("meeting", meeting_subject, meeting_wording);
  hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
      "src/features/meetings/data/openapi.json");
  hooks.get<home::StartSections>().sections.push_back({27, start_section});
  hooks.get<AgendaSources>().sources.push_back({60, open_actions_suggestion});
  // Proposed themes come last, as "eventuelt" closes a Danish agenda.
  hooks.get<AgendaSources>().sources.push_back({90, theme_suggestions});
}

}  // namespace samtryg::meetings
