#include "features/dialogues/api.hpp"

#include "core/web/api.hpp"
#include "features/dialogues/commands.hpp"
#include "features/dialogues/json.hpp"

namespace samtryg::dialogues {

namespace {

using boost::json::array;
using boost::json::object;
using http::Method;
using http::Response;
using web::Access;
using web::Context;

// A dialogue with its themes, in the page's order; the walk stays a link (walk_id), read
// through /api/v1/walks.
object dialogue_document(const DialogueRecord& record) {
  auto json = to_json(record.dialogue);
  array themes;
  for (const auto& theme : record.themes) themes.push_back(to_json(theme));
  json["themes"] = std::move(themes);
  return json;
}

Response dialogue_answer(Context& context, long long id, int status = 200) {
  auto response = web::json_response(
      dialogue_document(dialogue_record(context.services.database, context.actor(), id)), status);
  if (status == 201) response.header("Location", "/api/v1/dialogues/" + std::to_string(id));
  return response;
}

// The body's themes, read with the dialogue (`themes` is a member of the dialogue's JSON).
std::vector<Theme> themes_of(const Context& context) {
  const auto body = web::json_body(context);
  std::vector<Theme> themes;
  validation::Errors errors;
  json::Reader reader(body, errors);
  reader.objects("themes", [&](const std::string& path, const object& item) {
    json::Reader theme_reader(item, errors, path);
    Theme theme;
    read(theme_reader, theme);
    theme_reader.reject_unknown();
    themes.push_back(std::move(theme));
  });
  validation::throw_if_any(errors);
  return themes;
}

Response list_dialogues(Context& context) {
  auto sql = context.services.database.session();
  return web::paged_response(context, dialogues(sql, context.actor()),
                             [](const Dialogue& dialogue) { return to_json(dialogue); });
}

Response get_dialogue(Context& context) {
  return dialogue_answer(context, context.path_id());
}

Response create_dialogue_api(Context& context) {
  Dialogue dialogue;
  web::read_json_body(context, dialogue, false, {"themes"});
  dialogue.created_at.clear();
  dialogue.updated_at.clear();
  const auto id =
      create_dialogue(context.services.database, context.actor(), dialogue, themes_of(context));
  return dialogue_answer(context, id, 201);
}

// Without `themes` the dialogue keeps its own; with them they replace its themes.
Response update_dialogue_api(Context& context) {
  const auto actor = context.actor();
  auto dialogue = dialogue_record(context.services.database, actor, context.path_id()).dialogue;
  const auto id = dialogue.id;
  web::read_json_body(context, dialogue, true, {"themes"});
  dialogue.id = id;
  std::optional<std::vector<Theme>> themes;
  if (web::json_body(context).contains("themes")) themes = themes_of(context);
  update_dialogue(context.services.database, actor, dialogue, themes);
  return dialogue_answer(context, id);
}

}  // namespace

void add_api_routes(web::App& app) {
  using auth::Permission;
  const auto read = Access::needs(Permission::read_published);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/api/v1/dialogues", read, list_dialogues});
  app.add({Method::post, "/api/v1/dialogues", all, create_dialogue_api});
  app.add({Method::get, "/api/v1/dialogues/{id}", read, get_dialogue});
  app.add({Method::put, "/api/v1/dialogues/{id}", all, update_dialogue_api});
}

}  // namespace samtryg::dialogues
