#include "features/dialogues/pages.hpp"

#include "features/dialogues/api.hpp"
#include "features/dialogues/page_support.hpp"
#include "features/history/subjects.hpp"
#include "features/strategy/hooks.hpp"

namespace samtryg::dialogues {

namespace {

history::Subject dialogue_subject(Context& context, long long id) {
  auto sql = context.services.database.session();
  const auto dialogue = readable_dialogue(sql, context.actor(), id);
  return history::Subject{dialogue.title, dialogue_path(id)};
}

}  // namespace

void add_routes(web::App& app) {
  add_dialogue_page_routes(app);
  add_dialogue_form_routes(app);
  add_theme_routes(app);
  add_api_routes(app);
  app.services().navigation.add({"dialogues", "/dialogues", "nav_dialogues",
                                 web::Access::needs(auth::Permission::read_published), 36});
  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add("dialogue", dialogue_subject);
  hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
      "src/features/dialogues/data/openapi.json");
}

}  // namespace samtryg::dialogues
