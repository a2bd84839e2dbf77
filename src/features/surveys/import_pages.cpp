// The import of survey results from a statistics table (PX, JSON-stat, CSV): upload the file
// for one question (it is read at once and kept), map its dimensions (waves, areas, answers;
// every other dimension fixed to one category) in a GET form that shows the preview, then
// confirm in a POST that maps the kept file again and stores all or nothing.
#include <fmt/format.h>

#include <algorithm>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/indicators/queries.hpp"
#include "features/statistics/reader.hpp"
#include "features/surveys/commands.hpp"
#include "features/surveys/page_support.hpp"

namespace samtryg::surveys {

namespace {

constexpr std::size_t kListedProblems = 50;

std::vector<web::Option> question_options(const SurveyRecord& record) {
  std::vector<web::Option> options;
  options.reserve(record.questions.size());
  for (const auto& question : record.questions) {
    options.push_back({std::to_string(question.id), question.text});
  }
  return options;
}

Response upload_form(Context& context, const SurveyRecord& record, const std::string& question,
                     validation::Errors errors, int status) {
  web::FormPage form;
  form.heading = context.text("survey_import_title") + ": " + record.survey.name;
  form.intro = context.text("survey_import_intro");
  form.action = survey_path(record.survey.id) + "/import";
  form.submit = context.text("import_upload");
  form.cancel = survey_path(record.survey.id);
  form.fields = {{.name = "question_id",
                  .label = context.text("survey_import_question"),
                  .value = question,
                  .kind = Kind::select,
                  .required = true,
                  .options = question_options(record)},
                 {.name = "file",
                  .label = context.text("import_file"),
                  .kind = Kind::file,
                  .required = true,
                  .hint = context.text("import_file_hint")}};
  form.errors = std::move(errors);
  form.multipart = true;
  form.status = status;
  form.nav = "surveys";
  return web::render_form(context, form);
}

Response new_import(Context& context) {
  const auto record = survey_record(context.services.database, context.actor(), context.path_id());
  if (record.questions.empty()) {
    return Response::redirect(survey_path(record.survey.id) + "/questions/new");
  }
  return upload_form(context, record, context.query("question"), {}, 200);
}

Response upload_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = survey_record(context.services.database, actor, context.path_id());
  const auto* file = context.form().file("file");
  const auto question = context.form().value("question_id");
  validation::Errors errors;
  const auto question_id = parse_integer(question);
  if (!question_id || std::none_of(record.questions.begin(), record.questions.end(),
                                   [&](const Question& q) { return q.id == *question_id; })) {
    errors.add("question_id", "survey_choose_question");
  }
  if (file == nullptr || file->bytes.empty()) {
    errors.add("file", "import_file_missing");
  } else {
    try {
      const stats::LargeFileTurn turn(file->bytes.size());
      (void)stats::read_table(file->bytes, file->filename);
    } catch (const stats::ParseError& error) {
      errors.add("file", "import_file_unreadable", {{"problem", error.what()}});
    }
  }
  if (!errors.empty()) return upload_form(context, record, question, std::move(errors), 422);
  const auto id = stage_file(context.services.database, actor, record.survey.id,
                             stats::upload_name(file->filename), file->bytes);
  return Response::redirect(
      fmt::format("{}/imports/{}?question={}", survey_path(record.survey.id), id, *question_id));
}

// ---- mapping and preview ----------------------------------------------------------------------

// What the mapping page works on: the survey, the question, the kept file read as a table.
struct Loaded {
  SurveyRecord record;
  Question question;
  StagedTable staged;
  stats::Table table;
};

Loaded load(Context& context, std::string_view question_text) {
  const auto actor = context.actor();
  Loaded loaded;
  loaded.record = survey_record(context.services.database, actor, context.path_id());
  loaded.question = question_in(loaded.record, parse_integer(question_text).value_or(0));
  loaded.staged = staged_file(context.services.database, actor, loaded.record.survey.id,
                              context.path_id("import"));
  loaded.table = stats::read_table(loaded.staged.content, loaded.staged.file_name);
  return loaded;
}

std::string dimension_position(const stats::Table& table, const std::string& id) {
  for (std::size_t index = 0; index < table.dimensions.size(); ++index) {
    if (table.dimensions[index].id == id) return std::to_string(index);
  }
  return "";
}

std::string dimension_at(const stats::Table& table, const std::string& position) {
  const auto index = parse_integer(position);
  if (!index || *index < 0 || static_cast<std::size_t>(*index) >= table.dimensions.size()) {
    return "";
  }
  return table.dimensions[static_cast<std::size_t>(*index)].id;
}

// The mapping from the form's values (dimensions by position, categories by code); the guess
// when the form has not been sent yet.
template <class Value>
ImportMapping mapping_from(const Loaded& loaded, Value&& value) {
  if (value("time").empty() && value("answers").empty()) {
    return guess_mapping(loaded.table, loaded.question);
  }
  ImportMapping mapping;
  mapping.time_dimension = dimension_at(loaded.table, value("time"));
  mapping.area_dimension = dimension_at(loaded.table, value("area"));
  mapping.answer_dimension = dimension_at(loaded.table, value("answers"));
  mapping.respondents_category = value("respondents");
  for (std::size_t index = 0; index < loaded.table.dimensions.size(); ++index) {
    const auto code = value(fmt::format("d{}", index));
    if (!code.empty()) mapping.where[loaded.table.dimensions[index].id] = code;
  }
  return mapping;
}

std::vector<web::Field> mapping_fields(const Context& context, const Loaded& loaded,
                                       const ImportMapping& mapping) {
  const auto& table = loaded.table;
  std::vector<web::Option> dimensions;
  dimensions.reserve(table.dimensions.size());
  for (std::size_t index = 0; index < table.dimensions.size(); ++index) {
    dimensions.push_back({std::to_string(index), table.dimensions[index].label});
  }
  auto optional_dimensions = dimensions;
  optional_dimensions.insert(optional_dimensions.begin(),
                             {"", context.text("survey_whole_population")});
  std::vector<web::Option> respondents{{"", context.text("choice_none")}};
  if (const auto* answers = stats::find_dimension(table, mapping.answer_dimension)) {
    for (const auto& category : answers->categories) {
      respondents.push_back({category.code, category.label});
    }
  }
  std::vector<web::Field> fields{
      {.name = "time",
       .label = context.text("survey_import_time"),
       .value = dimension_position(table, mapping.time_dimension),
       .kind = Kind::select,
       .required = true,
       .options = dimensions},
      {.name = "area",
       .label = context.text("survey_import_area"),
       .value = dimension_position(table, mapping.area_dimension),
       .kind = Kind::select,
       .options = optional_dimensions},
      {.name = "answers",
       .label = context.text("survey_import_answers"),
       .value = dimension_position(table, mapping.answer_dimension),
       .kind = Kind::select,
       .required = true,
       .hint = context.text("survey_import_answers_hint"),
       .options = dimensions},
      {.name = "respondents",
       .label = context.text("survey_import_respondents"),
       .value = mapping.respondents_category,
       .kind = Kind::select,
       .hint = context.text("survey_import_respondents_hint"),
       .options = respondents},
  };
  for (std::size_t index = 0; index < table.dimensions.size(); ++index) {
    const auto& dim = table.dimensions[index];
    if (dim.id == mapping.time_dimension || dim.id == mapping.area_dimension ||
        dim.id == mapping.answer_dimension || dim.categories.size() < 2) {
      continue;
    }
    std::vector<web::Option> categories{{"", context.text("choice_none")}};
    for (const auto& category : dim.categories)
      categories.push_back({category.code, category.label});
    const auto chosen = mapping.where.find(dim.id);
    fields.push_back(
        {.name = fmt::format("d{}", index),
         .label = context.catalog().format("survey_import_fix", {{"dimension", dim.label}}),
         .value = chosen == mapping.where.end() ? std::string() : chosen->second,
         .kind = Kind::select,
         .options = categories});
  }
  return fields;
}

view::Data text_list(const std::vector<std::string>& texts) {
  auto list = view::list();
  for (std::size_t index = 0; index < texts.size() && index < kListedProblems; ++index) {
    view::Data item;
    item.set("text", texts[index]);
    list.push_back(item);
  }
  return list;
}

void add_problem_list(view::Data& data, const std::string& key,
                      const std::vector<std::string>& texts) {
  data.set(key, text_list(texts));
  data.set("has_" + key, view::flag(!texts.empty()));
}

// Whether the survey has a result for the item's wave and area already (the import replaces it).
bool replaces(const Loaded& loaded, const PreviewResult& item) {
  const auto* wave = wave_of_period(loaded.record, item.period);
  if (wave == nullptr) return false;
  return std::any_of(
      loaded.record.results.begin(), loaded.record.results.end(), [&](const Result& result) {
        return result.wave_id == wave->id && result.question_id == loaded.question.id &&
               result.area_id == item.area_id;
      });
}

view::Data preview_data(Context& context, const Loaded& loaded, const ImportPreview& preview) {
  view::Data data;
  auto rows = view::list();
  for (const auto& item : preview.results) {
    view::Data row;
    Result as_result;
    as_result.percents = item.percents;
    row.set("share", percent_text(context, share(loaded.question, as_result)));
    row.set("replaces", view::flag(replaces(loaded, item)));
    row.set("period", period_text(context, item.period));
    row.set("area", item.area_id ? item.area_label : context.text("survey_whole_population"));
    row.set("respondents", item.respondents ? std::to_string(*item.respondents) : "–");
    auto cells = view::list();
    for (const auto& percent : item.percents) {
      view::Data cell;
      cell.set("percent", percent_text(context, percent));
      cells.push_back(cell);
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  data.set("rows", rows);
  data.set("has_rows", view::flag(!preview.results.empty()));
  auto options = view::list();
  for (const auto& option : loaded.question.options) options.push_back(view::text(option.label));
  data.set("options", options);
  data.set("summary",
           context.catalog().format("survey_import_summary",
                                    {{"results", std::to_string(preview.results.size())},
                                     {"waves", std::to_string(preview.new_periods.size())}}));
  std::vector<std::string> new_periods;
  new_periods.reserve(preview.new_periods.size());
  for (const auto& period : preview.new_periods)
    new_periods.push_back(period_text(context, period));
  add_problem_list(data, "new_periods", new_periods);
  add_problem_list(data, "unknown_periods", preview.unknown_periods);
  add_problem_list(data, "unknown_areas", preview.unknown_areas);
  add_problem_list(data, "unknown_answers", preview.unknown_answers);
  add_problem_list(data, "missing_cells", preview.missing_cells);
  std::vector<std::string> refused;
  refused.reserve(preview.refused.size());
  for (const auto& item : preview.refused) {
    refused.push_back(item.where + ": " + web::error_message(item.error, context.catalog()));
  }
  add_problem_list(data, "refused", refused);
  data.set("has_share", view::flag(has_share(loaded.question)));
  return data;
}

view::Data hidden_mapping(const Loaded& loaded, const ImportMapping& mapping) {
  auto hidden = view::list();
  const auto add = [&](const std::string& name, const std::string& value) {
    view::Data item;
    item.set("name", name);
    item.set("value", value);
    hidden.push_back(item);
  };
  add("question", std::to_string(loaded.question.id));
  add("time", dimension_position(loaded.table, mapping.time_dimension));
  add("area", dimension_position(loaded.table, mapping.area_dimension));
  add("answers", dimension_position(loaded.table, mapping.answer_dimension));
  add("respondents", mapping.respondents_category);
  for (const auto& [id, code] : mapping.where)
    add(fmt::format("d{}", dimension_position(loaded.table, id)), code);
  return hidden;
}

std::vector<AreaName> area_names_of(Context& context) {
  auto sql = context.services.database.session();
  std::vector<AreaName> out;
  for (const auto& area : indicators::areas(sql, context.actor())) {
    out.push_back({area.id, area.name, area.code});
  }
  return out;
}

std::vector<std::string> known_periods(const SurveyRecord& record) {
  std::vector<std::string> out;
  out.reserve(record.waves.size());
  for (const auto& wave : record.waves) out.push_back(wave.period);
  return out;
}

// The mapping form with the table's dimensions, and the preview once a mapping was sent;
// `refused` (a confirm the database turned down) is shown above it.
Response render_mapping(Context& context, const Loaded& loaded, const ImportMapping& mapping,
                        bool sent, const validation::Errors& refused) {
  validation::Errors errors = refused;
  view::Data data;
  data.set("survey_id", std::to_string(loaded.record.survey.id));
  data.set("survey_name", loaded.record.survey.name);
  data.set("import_id", std::to_string(loaded.staged.id));
  data.set("file_name", loaded.staged.file_name);
  data.set("question", loaded.question.text);
  data.set("question_id", std::to_string(loaded.question.id));
  if (sent) {
    try {
      const auto preview = surveys::preview(loaded.table, mapping, loaded.question,
                                            area_names_of(context), known_periods(loaded.record));
      auto shown = preview_data(context, loaded, preview);
      shown.set("hidden", hidden_mapping(loaded, mapping));
      data.set("preview", shown);
    } catch (const validation::Invalid& invalid) {
      errors.add_all(invalid.errors);
    }
  }
  data.set("fields",
           web::fields_data(mapping_fields(context, loaded, mapping), errors, context.catalog()));
  auto messages = view::list();
  for (const auto& error : refused.items()) {
    messages.push_back(view::text(web::error_message(error, context.catalog())));
  }
  data.set("refused_messages", messages);
  if (!errors.empty()) data.set("has_errors", view::flag(true));
  return web::render_page(context, kTemplates("import"), std::move(data),
                          {.title = context.text("survey_import_title"),
                           .status = errors.empty() ? 200 : 422,
                           .nav = "surveys"});
}

Response mapping_page(Context& context) {
  const auto loaded = load(context, context.query("question"));
  const auto mapping =
      mapping_from(loaded, [&](std::string_view name) { return context.query(name); });
  const bool sent = !context.query("time").empty() || !context.query("answers").empty();
  return render_mapping(context, loaded, mapping, sent, {});
}

// Stores what the preview showed; when the database refuses it (a linked indicator that cannot
// take a wave's period), the mapping page says why and nothing is stored.
Response confirm_import(Context& context) {
  const auto& form = context.form();
  const auto loaded = load(context, form.value("question"));
  const auto mapping =
      mapping_from(loaded, [&](std::string_view name) { return form.value(name); });
  try {
    const auto preview = surveys::preview(loaded.table, mapping, loaded.question,
                                          area_names_of(context), known_periods(loaded.record));
    import_results(context.services.database, context.actor(), loaded.record.survey.id,
                   loaded.question.id, preview, loaded.staged.id);
  } catch (const validation::Invalid& invalid) {
    return render_mapping(context, loaded, mapping, true, invalid.errors);
  }
  return Response::redirect(survey_path(loaded.record.survey.id) +
                            "?notice=notice_survey_imported#question-" +
                            std::to_string(loaded.question.id));
}

}  // namespace

void add_import_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/surveys/{id}/import", all, new_import});
  app.add({Method::post, "/surveys/{id}/import", all, upload_submit});
  app.add({Method::get, "/surveys/{id}/imports/{import}", all, mapping_page});
  app.add({Method::post, "/surveys/{id}/imports/{import}/confirm", all, confirm_import});
}

}  // namespace samtryg::surveys
