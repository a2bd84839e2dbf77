#include "features/reporting/pages.hpp"

#include "features/reporting/publication.hpp"

#include "features/reporting/page_support.hpp"
#include "features/strategy/hooks.hpp"

namespace samtryg::reporting {

void add_routes(web::App& app) {
  add_round_routes(app);
  add_publication_routes(app);
  add_chapter_routes(app);
  add_form_routes(app);
  add_revision_routes(app);
  add_my_forms_routes(app);
  add_logo_routes(app);
  add_agenda_source(app);
  add_dated_source(app);
  app.services().navigation.add(
      {"forms", "/my-forms", "nav_my_forms", web::Access::needs(auth::Permission::edit_own), 40});
  app.services().hooks.get<strategy::PlanLinks>().links.push_back(
      {"/rounds", "plan_rounds_link", false});
}

}  // namespace samtryg::reporting
