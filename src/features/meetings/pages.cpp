#include "features/meetings/pages.hpp"

#include "core/i18n/locale_format.hpp"
#include "features/history/subjects.hpp"
#include "features/home/sections.hpp"
#include "features/meetings/api.hpp"
#include "features/meetings/page_support.hpp"
#include "features/strategy/hooks.hpp"

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
  if (owned.empty()) return {};
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
  return view::render(kTemplates("home_actions"), data, context.catalog());
}

}  // namespace

void add_routes(web::App& app) {
  add_meeting_page_routes(app);
  add_meeting_form_routes(app);
  add_agenda_routes(app);
  add_decision_routes(app);
  add_calendar_routes(app);
  add_api_routes(app);
  app.services().navigation.add({"meetings", "/meetings", "nav_meetings",
                                 web::Access::needs(auth::Permission::read_workspace), 37});
  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add("meeting", meeting_subject, meeting_wording);
  hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
      "src/features/meetings/data/openapi.json");
  hooks.get<home::StartSections>().sections.push_back({27, start_section});
}

}  // namespace samtryg::meetings
