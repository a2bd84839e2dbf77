#include "features/strategy/pages.hpp"

#include "core/auth/store.hpp"
#include "core/util/strings.hpp"
#include "features/history/subjects.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

// The register's records on the history page, each with its page to go back to.
// Ids in the register's records as the names people know; a record the reader may not see
// keeps its number.
std::optional<std::string> register_words(web::Context& context, std::string_view field,
                                          const std::string& recorded) {
  const auto id = parse_integer(recorded);
  if (!id) return std::nullopt;
  auto sql = context.services.database.session();
  const auto actor = context.actor();
  if (field == "lead_user_id") {
    if (const auto user = auth::find_user(sql, *id)) return user->name;
  } else if (field == "focus_area_id") {
    if (const auto area = find_focus_area(sql, actor, *id)) return area->name;
  } else if (field == "plan_id" || field == "parent_plan_id" || field == "previous_version_id") {
    if (const auto plan = find_plan(sql, actor, *id)) return plan->name;
  } else if (field == "parent_initiative_id" || field == "initiative_id") {
    if (const auto initiative = find_initiative(sql, actor, *id)) return initiative->name;
  }
  return std::nullopt;
}

void add_history_subjects(history::Subjects& subjects) {
  subjects.add(
      "plan",
      [](web::Context& context, long long id) {
        return history::Subject{readable_plan(context.services.database, context.actor(), id).name,
                                "/plans/" + std::to_string(id)};
      },
      register_words);
  subjects.add(
      "initiative",
      [](web::Context& context, long long id) {
        return history::Subject{
            readable_initiative(context.services.database, context.actor(), id).name,
            "/initiatives/" + std::to_string(id)};
      },
      register_words);
  subjects.add(
      "activity",
      [](web::Context& context, long long id) {
        const auto activity = readable_activity(context.services.database, context.actor(), id);
        return history::Subject{activity.title,
                                "/initiatives/" + std::to_string(activity.initiative_id)};
      },
      register_words);
}

}  // namespace

void add_routes(web::App& app) {
  add_plan_routes(app);
  add_plan_overview_routes(app);
  add_compare_routes(app);
  add_initiative_form_routes(app);
  add_initiative_page_routes(app);
  add_following_routes(app);
  add_activity_routes(app);
  add_document_routes(app);
  add_group_routes(app);
  add_search_routes(app);
  add_start_section(app);
  add_agenda_source(app);

  const auto read = web::Access::needs(auth::Permission::read_published);
  auto& services = app.services();
  services.navigation.add({"plans", "/plans", "nav_plans", read, 20});
  services.navigation.add({"groups", "/groups", "nav_groups",
                           web::Access::needs(auth::Permission::read_workspace), 30});
  services.navigation.add({"search", "/search", "nav_search", read, 50});
  add_history_subjects(services.hooks.get<history::Subjects>());
}

}  // namespace samtryg::strategy
