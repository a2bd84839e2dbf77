// The form to add a question to a survey and to change it: its text, its answers in order
// (blank rows are left out), which answers make up its share and what the share means, and the
// indicator that takes the share as its value.
#include <algorithm>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/queries.hpp"
#include "features/surveys/commands.hpp"
#include "features/surveys/page_support.hpp"

namespace samtryg::surveys {

namespace {

// Answer rows on the form: the question's, two blank ones for more, at least six.
constexpr std::size_t kMinRows = 6;

std::vector<web::Option> indicator_options(Context& context) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  auto targets = indicators::import_targets(context.services.database, context.actor());
  auto& list = targets.indicators;
  i18n::sort_by_name(list, context.language, [](const auto& indicator) { return indicator.name; });
  for (const auto& indicator : list) {
    if (indicator.unit == "percent")
      options.push_back({std::to_string(indicator.id), indicator.name});
  }
  return options;
}

std::vector<web::Field> question_fields(Context& context, const Question& question) {
  std::vector<web::Field> fields{
      {.name = "text",
       .label = context.text("survey_question_text"),
       .value = question.text,
       .kind = Kind::textarea,
       .required = true,
       .rows = 2},
  };
  const auto rows = std::min(kMaxOptions, std::max(kMinRows, question.options.size() + 2));
  for (std::size_t index = 0; index < rows; ++index) {
    const auto number = std::to_string(index + 1);
    const auto* option = index < question.options.size() ? &question.options[index] : nullptr;
    fields.push_back(
        {.name = "option_" + number,
         .label = context.catalog().format("survey_option_label", {{"number", number}}),
         .value = option != nullptr ? option->label : std::string(),
         .hint = index == 0 ? context.text("survey_options_hint") : std::string()});
    fields.push_back(
        {.name = "option_" + number + "_share",
         .label = context.catalog().format("survey_option_in_share", {{"number", number}}),
         .value = option != nullptr && option->in_share ? "1" : "",
         .kind = Kind::checkbox});
  }
  fields.push_back({.name = "share_label",
                    .label = context.text("survey_question_share_label"),
                    .value = question.share_label,
                    .hint = context.text("survey_question_share_label_hint")});
  fields.push_back({.name = "indicator_id",
                    .label = context.text("survey_question_indicator"),
                    .value = question.indicator_id ? std::to_string(*question.indicator_id) : "",
                    .kind = Kind::select,
                    .hint = context.text("survey_question_indicator_hint"),
                    .options = indicator_options(context)});
  return fields;
}

Question question_from_form(Context& context, Question question, validation::Errors& errors) {
  const auto& form = context.form();
  question.text = std::string(trim(form.value("text")));
  question.share_label = std::string(trim(form.value("share_label")));
  question.options.clear();
  for (std::size_t index = 0; index < kMaxOptions; ++index) {
    const auto number = std::to_string(index + 1);
    const std::string label(trim(form.value("option_" + number)));
    if (label.empty()) continue;
    question.options.push_back({label, form.value("option_" + number + "_share") == "1"});
  }
  question.indicator_id = web::optional_number(form.value("indicator_id"), "indicator_id", errors);
  if (const auto version = parse_integer(form.value("row_version"))) {
    question.row_version = *version;
  }
  return question;
}

// The rules name options by their index ("options[0].label"); the form by their row.
validation::Errors form_errors(const validation::Errors& found) {
  validation::Errors out;
  for (const auto& item : found.items()) {
    std::string field = item.field;
    if (field.starts_with("options[")) {
      const auto index = parse_integer(field.substr(8, field.find(']') - 8)).value_or(0);
      field = "option_" + std::to_string(index + 1);
    } else if (field == "options") {
      field = "option_1";
    }
    out.add(field, item.message_key, item.values);
  }
  return out;
}

Response question_form(Context& context, const Survey& survey, const Question& question,
                       bool is_new, const validation::Errors& errors, bool conflict, int status) {
  web::FormPage form;
  form.heading =
      context.text(is_new ? "survey_question_new" : "survey_question_edit") + ": " + survey.name;
  form.intro = context.text("survey_question_intro");
  const auto base = survey_path(survey.id) + "/questions";
  form.action = is_new ? base : base + "/" + std::to_string(question.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = survey_path(survey.id);
  form.fields = question_fields(context, question);
  if (!is_new) {
    form.hidden = web::hidden_values({{"row_version", std::to_string(question.row_version)}});
  }
  form.errors = form_errors(errors);
  form.conflict = conflict;
  form.status = status;
  form.nav = "surveys";
  return web::render_form(context, form);
}

Response new_question(Context& context) {
  return question_form(context, stored_survey(context), Question{}, true, {}, false, 200);
}

Response create_question_submit(Context& context) {
  const auto actor = context.actor();
  const auto survey = stored_survey(context);
  validation::Errors errors;
  const auto question = question_from_form(context, Question{}, errors);
  return web::submit(
      [&] {
        auto all = errors;
        all.add_all(validate_question(question));
        validation::throw_if_any(all);
        const auto id = add_question(context.services.database, actor, survey.id, question);
        return Response::redirect(survey_path(survey.id) +
                                  "?notice=notice_survey_question_added#question-" +
                                  std::to_string(id));
      },
      [&](const validation::Errors& found, bool conflict) {
        return question_form(context, survey, question, true, found, conflict, 422);
      });
}

Response edit_question(Context& context) {
  const auto record = survey_record(context.services.database, context.actor(), context.path_id());
  return question_form(context, record.survey, question_in(record, context.path_id("question")),
                       false, {}, false, 200);
}

Response update_question_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = survey_record(context.services.database, actor, context.path_id());
  validation::Errors errors;
  const auto question =
      question_from_form(context, question_in(record, context.path_id("question")), errors);
  return web::submit(
      [&] {
        auto all = errors;
        all.add_all(validate_question(question));
        validation::throw_if_any(all);
        update_question(context.services.database, actor, record.survey.id, question);
        return Response::redirect(survey_path(record.survey.id) + "?notice=notice_saved#question-" +
                                  std::to_string(question.id));
      },
      [&](const validation::Errors& found, bool conflict) {
        auto shown = question;
        if (conflict) {
          const auto fresh = survey_record(context.services.database, actor, record.survey.id);
          shown.row_version = question_in(fresh, question.id).row_version;
        }
        return question_form(context, record.survey, shown, false, found, conflict,
                             conflict ? 409 : 422);
      });
}

}  // namespace

void add_question_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/surveys/{id}/questions/new", all, new_question});
  app.add({Method::post, "/surveys/{id}/questions", all, create_question_submit});
  app.add({Method::get, "/surveys/{id}/questions/{question}/edit", all, edit_question});
  app.add({Method::post, "/surveys/{id}/questions/{question}/edit", all, update_question_submit});
}

}  // namespace samtryg::surveys
