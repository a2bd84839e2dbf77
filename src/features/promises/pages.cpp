#include "features/promises/pages.hpp"

#include "core/util/time.hpp"
#include "features/history/subjects.hpp"
#include "features/promises/api.hpp"
#include "features/promises/page_support.hpp"
#include "features/promises/report.hpp"
#include "features/strategy/hooks.hpp"

namespace samtryg::promises {

namespace {

history::Subject promise_subject(Context& context, long long id) {
  auto sql = context.services.database.session();
  const auto promise = readable_promise(sql, context.actor(), id, today_iso_utc());
  return history::Subject{promise.title, promise_path(id)};
}

}  // namespace

void add_routes(web::App& app) {
  add_promise_page_routes(app);
  add_promise_form_routes(app);
  add_public_routes(app);
  add_api_routes(app);
  app.services().navigation.add({"promises", "/promises", "nav_promises",
                                 web::Access::needs(auth::Permission::read_published), 37});
  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add("promise", promise_subject);
  hooks.get<reporting::ReportChapters>().chapters.emplace_back(report_chapter);
  hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
      "src/features/promises/data/openapi.json");
}

}  // namespace samtryg::promises
