// The form to type one question's result for a wave and area: how many answered, how many were
// asked, and the percentage giving each answer. Opened for a wave and area that have a result,
// it shows that result to change.
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/presentation.hpp"
#include "features/surveys/commands.hpp"
#include "features/surveys/page_support.hpp"

namespace samtryg::surveys {

namespace {

// The form as typed, so a wrong figure is shown again as it was written.
struct ResultForm {
  std::string wave_id;
  std::string area_id;
  std::string respondents;
  std::string invited;
  std::vector<std::string> percents;
};

std::string figure(const Context& context, const std::optional<double>& value) {
  return value ? i18n::format_number(*value, 1, context.language) : std::string();
}

ResultForm form_of(const Context& context, const Question& question, const Result* result,
                   const std::string& wave_id, const std::string& area_id) {
  ResultForm f{wave_id, area_id, "", "", std::vector<std::string>(question.options.size())};
  if (result == nullptr) return f;
  if (result->respondents) f.respondents = std::to_string(*result->respondents);
  if (result->invited) f.invited = std::to_string(*result->invited);
  for (std::size_t index = 0; index < f.percents.size() && index < result->percents.size();
       ++index) {
    f.percents[index] = figure(context, result->percents[index]);
  }
  return f;
}

std::vector<web::Field> result_fields(Context& context, soci::session& sql,
                                      const SurveyRecord& record, const Question& question,
                                      const ResultForm& f) {
  std::vector<web::Option> waves;
  waves.reserve(record.waves.size());
  for (const auto& wave : record.waves) {
    waves.push_back({std::to_string(wave.id), period_text(context, wave.period)});
  }
  std::vector<web::Field> fields{
      {.name = "wave_id",
       .label = context.text("survey_result_wave"),
       .value = f.wave_id,
       .kind = Kind::select,
       .required = true,
       .options = waves},
      {.name = "area_id",
       .label = context.text("survey_result_area"),
       .value = f.area_id,
       .kind = Kind::select,
       .options = area_options(context, sql)},
      {.name = "respondents",
       .label = context.text("survey_result_respondents"),
       .value = f.respondents,
       .kind = Kind::number},
      {.name = "invited",
       .label = context.text("survey_result_invited"),
       .value = f.invited,
       .kind = Kind::number,
       .hint = context.text("survey_result_invited_hint")},
  };
  for (std::size_t index = 0; index < question.options.size(); ++index) {
    fields.push_back(
        {.name = "percent_" + std::to_string(index + 1),
         .label = context.catalog().format("survey_result_percent",
                                           {{"answer", question.options[index].label}}),
         .value = f.percents[index],
         .hint = index == 0 ? context.text("survey_result_percent_hint") : std::string()});
  }
  return fields;
}

Result result_from_form(Context& context, const Question& question, ResultForm& f,
                        validation::Errors& errors) {
  const auto& form = context.form();
  f.wave_id = form.value("wave_id");
  f.area_id = form.value("area_id");
  f.respondents = form.value("respondents");
  f.invited = form.value("invited");
  Result result;
  result.wave_id = web::optional_number(f.wave_id, "wave_id", errors).value_or(0);
  result.area_id = web::optional_number(f.area_id, "area_id", errors);
  result.respondents = form_count(f.respondents, "respondents", errors);
  result.invited = form_count(f.invited, "invited", errors);
  f.percents.assign(question.options.size(), std::string());
  for (std::size_t index = 0; index < question.options.size(); ++index) {
    const auto name = "percent_" + std::to_string(index + 1);
    f.percents[index] = form.value(name);
    result.percents.push_back(indicators::parse_typed_figure(f.percents[index], name, errors));
  }
  return result;
}

// The rules name answers by index ("percents[0]"); the form by their field.
validation::Errors form_errors(const validation::Errors& found) {
  validation::Errors out;
  for (const auto& item : found.items()) {
    std::string field = item.field;
    if (field.starts_with("percents[")) {
      const auto index = parse_integer(field.substr(9, field.find(']') - 9)).value_or(0);
      field = "percent_" + std::to_string(index + 1);
    } else if (field == "percents") {
      field = "percent_1";
    }
    out.add(field, item.message_key, item.values);
  }
  return out;
}

Response result_form(Context& context, const SurveyRecord& record, const Question& question,
                     const ResultForm& f, const validation::Errors& errors, int status) {
  auto sql = context.services.database.session();
  web::FormPage form;
  form.heading = context.text("survey_result_new") + ": " + question.text;
  form.intro = context.text("survey_result_intro");
  const auto path = survey_path(record.survey.id);
  form.action = path + "/questions/" + std::to_string(question.id) + "/results";
  form.submit = context.text("form_save");
  form.cancel = path + "#question-" + std::to_string(question.id);
  form.fields = result_fields(context, sql, record, question, f);
  form.errors = form_errors(errors);
  form.status = status;
  form.nav = "surveys";
  return web::render_form(context, form);
}

Response new_result(Context& context) {
  const auto record = survey_record(context.services.database, context.actor(), context.path_id());
  const auto& question = question_in(record, context.path_id("question"));
  if (record.waves.empty()) {
    return Response::redirect(survey_path(record.survey.id) + "/waves/new");
  }
  // The newest wave unless one is asked for; a result already there is shown to change, never
  // replaced by an empty form.
  auto wave_id = context.query("wave");
  if (wave_id.empty()) wave_id = std::to_string(record.waves.back().id);
  const auto area_id = context.query("area");
  const Result* existing = nullptr;
  for (const auto& result : record.results) {
    const auto area = result.area_id ? std::to_string(*result.area_id) : std::string();
    if (result.question_id == question.id && std::to_string(result.wave_id) == wave_id &&
        area == area_id) {
      existing = &result;
    }
  }
  const auto f = form_of(context, question, existing, wave_id, area_id);
  return result_form(context, record, question, f, {}, 200);
}

Response save_result_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = survey_record(context.services.database, actor, context.path_id());
  const auto& question = question_in(record, context.path_id("question"));
  validation::Errors errors;
  ResultForm f;
  auto result = result_from_form(context, question, f, errors);
  result.question_id = question.id;
  return web::submit(
      [&] {
        // The form's figures and the rules at once, so every problem shows in one round.
        auto all = errors;
        all.add_all(validate_result(question, result));
        validation::throw_if_any(all);
        save_result(context.services.database, actor, record.survey.id, result);
        return Response::redirect(survey_path(record.survey.id) +
                                  "?notice=notice_survey_result_saved#question-" +
                                  std::to_string(question.id));
      },
      [&](const validation::Errors& found, bool) {
        return result_form(context, record, question, f, found, 422);
      });
}

}  // namespace

void add_result_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/surveys/{id}/questions/{question}/results/new", all, new_result});
  app.add({Method::post, "/surveys/{id}/questions/{question}/results", all, save_result_submit});
}

}  // namespace samtryg::surveys
