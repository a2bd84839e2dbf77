#include "features/surveys/api.hpp"

#include "core/web/api.hpp"
#include "features/surveys/commands.hpp"
#include "features/surveys/json.hpp"

namespace samtryg::surveys {

namespace {

using boost::json::array;
using boost::json::object;
using http::Method;
using http::Response;
using web::Access;
using web::Context;

object survey_document(const SurveyRecord& record) {
  auto json = to_json(record.survey);
  array waves;
  for (const auto& wave : record.waves) waves.push_back(to_json(wave));
  array questions;
  for (const auto& question : record.questions) {
    auto item = to_json(question);
    array results;
    for (const auto& result : record.results) {
      if (result.question_id == question.id) results.push_back(to_json(result, &question));
    }
    item["results"] = std::move(results);
    questions.push_back(std::move(item));
  }
  json["waves"] = std::move(waves);
  json["questions"] = std::move(questions);
  return json;
}

Response survey_answer(Context& context, long long id, int status = 200) {
  auto response = web::json_response(
      survey_document(survey_record(context.services.database, context.actor(), id)), status);
  if (status == 201) response.header("Location", "/api/v1/surveys/" + std::to_string(id));
  return response;
}

Response list_surveys(Context& context) {
  auto sql = context.services.database.session();
  return web::paged_response(context, surveys(sql, context.actor()),
                             [](const Survey& survey) { return to_json(survey); });
}

Response get_survey(Context& context) {
  return survey_answer(context, context.path_id());
}

Response create_survey_api(Context& context) {
  Survey survey;
  web::read_json_body(context, survey, false);
  survey.created_at.clear();
  survey.updated_at.clear();
  return survey_answer(context, create_survey(context.services.database, context.actor(), survey),
                       201);
}

Response update_survey_api(Context& context) {
  const auto actor = context.actor();
  auto survey = survey_record(context.services.database, actor, context.path_id()).survey;
  const auto id = survey.id;
  web::read_json_body(context, survey, true, {"waves", "questions"});
  survey.id = id;
  update_survey(context.services.database, actor, survey);
  return survey_answer(context, id);
}

Response add_wave_api(Context& context) {
  Wave wave;
  web::read_json_body(context, wave, false);
  const auto id = context.path_id();
  add_wave(context.services.database, context.actor(), id, wave);
  return survey_answer(context, id, 201);
}

Response add_question_api(Context& context) {
  Question question;
  web::read_json_body(context, question, false, {"results"});
  const auto id = context.path_id();
  add_question(context.services.database, context.actor(), id, question);
  return survey_answer(context, id, 201);
}

// One result, for a wave named by its id; a result for the same wave, question and area is
// replaced.
Response save_result_api(Context& context) {
  Result result;
  web::read_json_body(context, result, false);
  const auto id = context.path_id();
  save_result(context.services.database, context.actor(), id, result);
  return survey_answer(context, id);
}

}  // namespace

void add_api_routes(web::App& app) {
  using auth::Permission;
  const auto read = Access::needs(Permission::read_published);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/api/v1/surveys", read, list_surveys});
  app.add({Method::post, "/api/v1/surveys", all, create_survey_api});
  app.add({Method::get, "/api/v1/surveys/{id}", read, get_survey});
  app.add({Method::put, "/api/v1/surveys/{id}", all, update_survey_api});
  app.add({Method::post, "/api/v1/surveys/{id}/waves", all, add_wave_api});
  app.add({Method::post, "/api/v1/surveys/{id}/questions", all, add_question_api});
  app.add({Method::put, "/api/v1/surveys/{id}/results", all, save_result_api});
}

}  // namespace samtryg::surveys
