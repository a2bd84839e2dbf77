#include "features/dialogues/pages.hpp"

#include "core/util/strings.hpp"
#include "core/validation/validation.hpp"
#include "features/dialogues/api.hpp"
#include "features/dialogues/page_support.hpp"
#include "features/history/subjects.hpp"
#include "features/strategy/hooks.hpp"
#include "features/walks/naming.hpp"
#include "features/walks/queries.hpp"

namespace samtryg::dialogues {

namespace {

history::Subject dialogue_subject(Context& context, long long id) {
  auto sql = context.services.database.session();
  const auto dialogue = readable_dialogue(sql, context.actor(), id);
  return history::Subject{dialogue.title, dialogue_path(id)};
}

// The form and the input walk as the pages name them, not as codes and ids.
std::optional<std::string> dialogue_wording(Context& context, std::string_view field,
                                            const std::string& recorded) {
  if (field == "format") return context.text("dialogue_format_" + recorded);
  if (field != "walk_id") return std::nullopt;
  const auto id = parse_id(recorded);
  if (!id) return std::nullopt;
  auto sql = context.services.database.session();
  try {
    const auto walk = walks::readable_walk(sql, context.actor(), *id);
    return walks::walk_title(context.catalog(), walk.area, walk.season, walk.year);
  } catch (const validation::NotFound&) {
    return std::nullopt;
  }
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
  hooks.get<history::Subjects>().add("dialogue", dialogue_subject, dialogue_wording);
  hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
      "src/features/dialogues/data/openapi.json");
}

}  // namespace samtryg::dialogues
