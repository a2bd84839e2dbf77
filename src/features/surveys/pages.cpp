#include "features/surveys/pages.hpp"

#include "features/history/subjects.hpp"
#include "features/strategy/hooks.hpp"
#include "features/surveys/api.hpp"
#include "features/surveys/page_support.hpp"

namespace samtryg::surveys {

namespace {

history::Subject survey_subject(Context& context, long long id) {
  auto sql = context.services.database.session();
  const auto survey = readable_survey(sql, context.actor(), id);
  return history::Subject{survey.name, survey_path(id)};
}

std::optional<std::string> survey_wording(Context& context, std::string_view field,
                                          const std::string& recorded) {
  if (field == "kind") return context.text("survey_kind_" + recorded);
  return std::nullopt;
}

}  // namespace

void add_routes(web::App& app) {
  add_survey_page_routes(app);
  add_survey_form_routes(app);
  add_question_routes(app);
  add_result_routes(app);
  add_import_routes(app);
  add_api_routes(app);
  app.services().navigation.add({"surveys", "/surveys", "nav_surveys",
                                 web::Access::needs(auth::Permission::read_published), 35});
  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add("survey", survey_subject, survey_wording);
  hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
      "src/features/surveys/data/openapi.json");
}

}  // namespace samtryg::surveys
