// The list of surveys and a survey's page: its waves, its questions with their answers, and per
// question the results of every wave and area (respondents, response rate, the share giving
// each answer, the question's share) with the indicator that takes the share; deleting a
// survey, wave, question or result after a confirmation.
#include <algorithm>
#include <map>

#include "core/demo/marks.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/indicators/queries.hpp"
#include "features/surveys/commands.hpp"
#include "features/surveys/page_support.hpp"

namespace samtryg::surveys {

namespace {

Response list_surveys(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  auto items = view::list();
  for (const auto& summary : survey_summaries(sql, actor)) {
    view::Data item;
    item.set("id", std::to_string(summary.survey.id));
    item.set("name", summary.survey.name);
    item.set("kind", context.text("survey_kind_" + summary.survey.kind));
    item.set("publisher", view::text(summary.survey.publisher));
    item.set("counts", context.catalog().format(
                           "survey_counts", {{"waves", std::to_string(summary.waves)},
                                             {"questions", std::to_string(summary.questions)}}));
    items.push_back(item);
  }
  view::Data data;
  data.set("surveys", items);
  data.set("has_surveys", view::flag(!items.is_empty_list()));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(
      context, kTemplates("surveys"), std::move(data),
      {.title = context.text("surveys_title"), .status = 200, .nav = "surveys"});
}

view::Data wave_items(const Context& context, const SurveyRecord& record, bool can_edit) {
  auto items = view::list();
  for (const auto& wave : record.waves) {
    view::Data item;
    item.set("id", std::to_string(wave.id));
    item.set("survey_id", std::to_string(record.survey.id));
    item.set("period", period_text(context, wave.period));
    item.set("fielded", view::text(wave.fielded));
    item.set("note", view::text(wave.note));
    item.set("can_edit", view::flag(can_edit));
    items.push_back(item);
  }
  return items;
}

// The indicator that takes the question's share, when the reader may see it.
void add_indicator(view::Data& item, soci::session& sql, const Context& context,
                   const Question& question) {
  if (!question.indicator_id) return;
  try {
    const auto indicator =
        indicators::indicator_in_workspace(sql, context.actor(), *question.indicator_id);
    if (!indicators::visible(sql, context.actor(), indicator)) return;
    view::Data linked;
    linked.set("id", std::to_string(indicator.id));
    linked.set("name", indicator.name);
    item.set("indicator", linked);
  } catch (const validation::NotFound&) {
  }
}

struct ResultContext {
  const Context& context;
  soci::session& sql;
  const SurveyRecord& record;
  const std::map<long long, demo::Fields>& examples;
  std::map<long long, std::string> area_names;
  bool can_edit = false;
};

view::Data result_row(const ResultContext& in, const Question& question, const Result& result) {
  const auto& context = in.context;
  view::Data row;
  row.set("id", std::to_string(result.id));
  row.set("question_id", std::to_string(question.id));
  const auto& wave = wave_in(in.record, result.wave_id);
  row.set("period", period_text(context, wave.period));
  row.set("wave_id", std::to_string(wave.id));
  row.set("area_id", result.area_id ? std::to_string(*result.area_id) : std::string());
  if (result.area_id) {
    const auto found = in.area_names.find(*result.area_id);
    row.set("area", found == in.area_names.end() ? std::string() : found->second);
  } else {
    row.set("area", context.text("survey_whole_population"));
  }
  row.set("respondents",
          result.respondents ? std::to_string(*result.respondents) : std::string("–"));
  row.set("response_rate", percent_text(context, response_rate(result)));
  auto cells = view::list();
  for (std::size_t index = 0; index < question.options.size(); ++index) {
    view::Data cell;
    cell.set("percent",
             percent_text(context,
                          index < result.percents.size() ? result.percents[index] : std::nullopt));
    cells.push_back(cell);
  }
  row.set("cells", cells);
  row.set("share", percent_text(context, share(question, result)));
  row.set("example", view::flag(in.examples.contains(result.id)));
  row.set("can_edit", view::flag(in.can_edit));
  return row;
}

view::Data question_items(const ResultContext& in) {
  auto items = view::list();
  int number = 0;
  for (const auto& question : in.record.questions) {
    view::Data item;
    item.set("id", std::to_string(question.id));
    item.set("survey_id", std::to_string(in.record.survey.id));
    item.set("number", std::to_string(++number));
    item.set("text", question.text);
    item.set("share_label", view::text(question.share_label));
    auto options = view::list();
    for (const auto& option : question.options) {
      view::Data entry;
      entry.set("label", option.label);
      entry.set("in_share", view::flag(option.in_share));
      options.push_back(entry);
    }
    item.set("options", options);
    item.set("has_share", view::flag(has_share(question)));
    add_indicator(item, in.sql, in.context, question);
    auto rows = view::list();
    demo::Fields example_fields;  // of every marked row, named once under the table
    for (const auto& result : in.record.results) {
      if (result.question_id != question.id) continue;
      rows.push_back(result_row(in, question, result));
      if (const auto found = in.examples.find(result.id); found != in.examples.end()) {
        for (const auto& field : found->second) {
          if (std::find(example_fields.begin(), example_fields.end(), field) ==
              example_fields.end()) {
            example_fields.push_back(field);
          }
        }
      }
    }
    item.set("results_example_note", view::text(demo::example_note(
                                         in.context.catalog(), "survey_result_", example_fields)));
    item.set("has_results", view::flag(!rows.is_empty_list()));
    item.set("results", rows);
    item.set("can_edit", view::flag(in.can_edit));
    items.push_back(item);
  }
  return items;
}

Response show_survey(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto record = survey_record(sql, actor, context.path_id());
  const auto& survey = record.survey;
  view::Data data;
  data.set("id", std::to_string(survey.id));
  data.set("name", survey.name);
  data.set("kind", context.text("survey_kind_" + survey.kind));
  data.set("publisher", view::text(survey.publisher));
  data.set("description", view::text(survey.description));
  data.set("notice", view::text(notice_text(context)));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("can_history", view::flag(actor.read_all));
  data.set("example_note", view::text(demo::example_note(
                               context.catalog(), "survey_",
                               demo::marks_of(sql, actor.workspace_id, "survey", survey.id))));
  data.set("waves", wave_items(context, record, actor.edit_all));
  data.set("has_waves", view::flag(!record.waves.empty()));
  const auto examples = demo::marks_of(sql, actor.workspace_id, "survey_result");
  const ResultContext in{context,       sql, record, examples, indicators::area_names(sql, actor),
                         actor.edit_all};
  data.set("questions", question_items(in));
  data.set("has_questions", view::flag(!record.questions.empty()));
  return web::render_page(context, kTemplates("survey"), std::move(data),
                          {.title = survey.name, .status = 200, .nav = "surveys"});
}

// ---- deleting -------------------------------------------------------------------------------

Response confirm_delete_survey(Context& context) {
  const auto record = survey_record(context.services.database, context.actor(), context.path_id());
  const auto path = survey_path(record.survey.id);
  return web::render_confirm(
      context,
      {.heading = context.catalog().format("survey_delete_heading", {{"name", record.survey.name}}),
       .text = context.catalog().format("survey_delete_text",
                                        {{"results", std::to_string(record.results.size())}}),
       .confirm = context.text("delete_confirm"),
       .action = path + "/delete",
       .cancel = path,
       .nav = "surveys"});
}

Response delete_survey_submit(Context& context) {
  delete_survey(context.services.database, context.actor(), context.path_id());
  return Response::redirect("/surveys?notice=notice_deleted");
}

Response confirm_delete_wave(Context& context) {
  const auto record = survey_record(context.services.database, context.actor(), context.path_id());
  const auto& wave = wave_in(record, context.path_id("wave"));
  const auto path = survey_path(record.survey.id);
  return web::render_confirm(
      context, {.heading = context.catalog().format(
                    "survey_wave_delete_heading", {{"period", period_text(context, wave.period)}}),
                .text = context.text("survey_wave_delete_text"),
                .confirm = context.text("delete_confirm"),
                .action = path + "/waves/" + std::to_string(wave.id) + "/delete",
                .cancel = path,
                .nav = "surveys"});
}

Response delete_wave_submit(Context& context) {
  const auto id = context.path_id();
  delete_wave(context.services.database, context.actor(), id, context.path_id("wave"));
  return Response::redirect(survey_path(id) + "?notice=notice_deleted");
}

Response confirm_delete_question(Context& context) {
  const auto record = survey_record(context.services.database, context.actor(), context.path_id());
  const auto& question = question_in(record, context.path_id("question"));
  const auto path = survey_path(record.survey.id);
  return web::render_confirm(
      context, {.heading = context.catalog().format("survey_question_delete_heading",
                                                    {{"text", question.text}}),
                .text = context.text("survey_question_delete_text"),
                .confirm = context.text("delete_confirm"),
                .action = path + "/questions/" + std::to_string(question.id) + "/delete",
                .cancel = path,
                .nav = "surveys"});
}

Response delete_question_submit(Context& context) {
  const auto id = context.path_id();
  delete_question(context.services.database, context.actor(), id, context.path_id("question"));
  return Response::redirect(survey_path(id) + "?notice=notice_deleted");
}

Response confirm_delete_result(Context& context) {
  auto sql = context.services.database.session();
  const auto record = survey_record(sql, context.actor(), context.path_id());
  const auto result_id = context.path_id("result");
  for (const auto& result : record.results) {
    if (result.id != result_id) continue;
    const auto& question = question_in(record, result.question_id);
    const auto path = survey_path(record.survey.id);
    return web::render_confirm(
        context, {.heading = context.text("survey_result_delete_heading"),
                  .text = context.catalog().format(
                      "survey_result_delete_text",
                      {{"question", question.text},
                       {"period", period_text(context, wave_in(record, result.wave_id).period)},
                       {"area", area_name(context, sql, result.area_id)}}),
                  .confirm = context.text("delete_confirm"),
                  .action = path + "/results/" + std::to_string(result_id) + "/delete",
                  .cancel = path,
                  .nav = "surveys"});
  }
  throw validation::NotFound();
}

Response delete_result_submit(Context& context) {
  const auto id = context.path_id();
  delete_result(context.services.database, context.actor(), id, context.path_id("result"));
  return Response::redirect(survey_path(id) + "?notice=notice_deleted");
}

}  // namespace

void add_survey_page_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/surveys", read, list_surveys});
  app.add({Method::get, "/surveys/{id}", read, show_survey});
  app.add({Method::get, "/surveys/{id}/delete", all, confirm_delete_survey});
  app.add({Method::post, "/surveys/{id}/delete", all, delete_survey_submit});
  app.add({Method::get, "/surveys/{id}/waves/{wave}/delete", all, confirm_delete_wave});
  app.add({Method::post, "/surveys/{id}/waves/{wave}/delete", all, delete_wave_submit});
  app.add({Method::get, "/surveys/{id}/questions/{question}/delete", all, confirm_delete_question});
  app.add({Method::post, "/surveys/{id}/questions/{question}/delete", all, delete_question_submit});
  app.add({Method::get, "/surveys/{id}/results/{result}/delete", all, confirm_delete_result});
  app.add({Method::post, "/surveys/{id}/results/{result}/delete", all, delete_result_submit});
}

}  // namespace samtryg::surveys
