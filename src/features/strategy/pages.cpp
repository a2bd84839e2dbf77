#include "features/strategy/pages.hpp"

#include "features/history/subjects.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

// The register's records on the history page, each with its page to go back to.
void add_history_subjects(history::Subjects& subjects) {
  subjects.add("plan", [](web::Context& context, long long id) {
    return history::Subject{readable_plan(context.services.database, context.actor(), id).name,
                            "/plans/" + std::to_string(id)};
  });
  subjects.add("initiative", [](web::Context& context, long long id) {
    return history::Subject{
        readable_initiative(context.services.database, context.actor(), id).name,
        "/initiatives/" + std::to_string(id)};
  });
  subjects.add("activity", [](web::Context& context, long long id) {
    const auto activity = readable_activity(context.services.database, context.actor(), id);
    return history::Subject{activity.title,
                            "/initiatives/" + std::to_string(activity.initiative_id)};
  });
}

}  // namespace

void add_routes(web::App& app) {
  add_plan_routes(app);
  add_plan_overview_routes(app);
  add_compare_routes(app);
  add_initiative_form_routes(app);
  add_initiative_page_routes(app);
  add_activity_routes(app);
  add_document_routes(app);
  add_group_routes(app);
  add_search_routes(app);

  const auto read = web::Access::needs(auth::Permission::read_published);
  auto& services = app.services();
  services.navigation.add({"plans", "/plans", "nav_plans", read, 20});
  services.navigation.add({"groups", "/groups", "nav_groups",
                           web::Access::needs(auth::Permission::read_workspace), 30});
  services.navigation.add({"search", "/search", "nav_search", read, 50});
  add_history_subjects(services.hooks.get<history::Subjects>());
}

}  // namespace samtryg::strategy
