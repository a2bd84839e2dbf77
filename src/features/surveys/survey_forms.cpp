// The forms to record a survey and change it (its name, kind, who runs it, what it is), and to
// add a wave and change it (its period, when it was asked, a note).
#include <fmt/format.h>

#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/surveys/commands.hpp"
#include "features/surveys/page_support.hpp"

namespace samtryg::surveys {

namespace {

std::vector<web::Field> survey_fields(const Context& context, const Survey& survey) {
  std::vector<web::Field> fields{
      {.name = "name",
       .label = context.text("survey_name"),
       .value = survey.name,
       .required = true,
       .hint = context.text("survey_name_hint")},
      {.name = "kind",
       .label = context.text("survey_kind"),
       .value = survey.kind,
       .kind = Kind::select,
       .required = true,
       .options = web::coded_options(kKinds, "survey_kind_", context.catalog())},
      {.name = "publisher",
       .label = context.text("survey_publisher"),
       .value = survey.publisher,
       .hint = context.text("survey_publisher_hint")},
      {.name = "description",
       .label = context.text("survey_description"),
       .value = survey.description,
       .kind = Kind::textarea},
  };
  return fields;
}

Survey survey_from_form(Context& context, Survey survey) {
  const auto& form = context.form();
  survey.name = std::string(trim(form.value("name")));
  survey.kind = form.value("kind");
  survey.publisher = std::string(trim(form.value("publisher")));
  survey.description = form.value("description");
  if (const auto version = parse_integer(form.value("row_version"))) survey.row_version = *version;
  return survey;
}

Response survey_form(Context& context, const Survey& survey, bool is_new,
                     const validation::Errors& errors, bool conflict, int status,
                     const Survey* theirs = nullptr) {
  web::FormPage form;
  form.heading =
      is_new ? context.text("survey_new") : context.text("survey_edit") + ": " + survey.name;
  form.intro = is_new ? context.text("survey_new_intro") : std::string();
  form.action = is_new ? "/surveys" : survey_path(survey.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/surveys" : survey_path(survey.id);
  form.fields = survey_fields(context, survey);
  if (!is_new) {
    form.hidden = web::hidden_values({{"row_version", std::to_string(survey.row_version)}});
  }
  form.errors = errors;
  form.conflict = conflict;
  if (theirs != nullptr) form.theirs = survey_fields(context, *theirs);
  form.status = status;
  form.nav = "surveys";
  return web::render_form(context, form);
}

Response new_survey(Context& context) {
  return survey_form(context, Survey{}, true, {}, false, 200);
}

Response create_survey_submit(Context& context) {
  const auto actor = context.actor();
  const auto survey = survey_from_form(context, Survey{});
  return web::submit(
      [&] {
        const auto id = create_survey(context.services.database, actor, survey);
        return Response::redirect(survey_path(id) + "?notice=notice_created");
      },
      [&](const validation::Errors& found, bool conflict) {
        return survey_form(context, survey, true, found, conflict, 422);
      });
}

Response edit_survey(Context& context) {
  return survey_form(context, stored_survey(context), false, {}, false, 200);
}

Response update_survey_submit(Context& context) {
  const auto actor = context.actor();
  const auto survey = survey_from_form(context, stored_survey(context));
  return web::submit(
      [&] {
        update_survey(context.services.database, actor, survey);
        return Response::redirect(survey_path(survey.id) + "?notice=notice_saved");
      },
      [&](const validation::Errors& found, bool conflict) {
        if (conflict) {
          const auto fresh = stored_survey(context);
          auto typed = survey;
          typed.row_version = fresh.row_version;
          return survey_form(context, typed, false, {}, true, 409, &fresh);
        }
        return survey_form(context, survey, false, found, false, 422);
      });
}

// ---- waves ----------------------------------------------------------------------------------

std::vector<web::Field> wave_fields(const Context& context, const Wave& wave) {
  return {
      {.name = "period",
       .label = context.text("survey_wave_period"),
       .value = wave.period,
       .required = true,
       .hint = context.text("survey_wave_period_hint")},
      {.name = "fielded",
       .label = context.text("survey_wave_fielded"),
       .value = wave.fielded,
       .hint = context.text("survey_wave_fielded_hint")},
      {.name = "note",
       .label = context.text("survey_wave_note"),
       .value = wave.note,
       .kind = Kind::textarea,
       .rows = 3},
  };
}

Response wave_form(Context& context, const Survey& survey, const Wave& wave,
                   const validation::Errors& errors, int status) {
  const bool is_new = wave.id == 0;
  web::FormPage form;
  form.heading = context.text(is_new ? "survey_wave_new" : "survey_wave_edit") + ": " + survey.name;
  form.intro = context.text("survey_wave_new_intro");
  form.action = is_new ? fmt::format("{}/waves", survey_path(survey.id))
                       : fmt::format("{}/waves/{}/edit", survey_path(survey.id), wave.id);
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = survey_path(survey.id);
  form.fields = wave_fields(context, wave);
  form.errors = errors;
  form.status = status;
  form.nav = "surveys";
  return web::render_form(context, form);
}

Response new_wave(Context& context) {
  return wave_form(context, stored_survey(context), Wave{}, {}, 200);
}

Wave wave_from_form(Context& context, Wave wave) {
  const auto& form = context.form();
  wave.period = std::string(trim(form.value("period")));
  wave.fielded = std::string(trim(form.value("fielded")));
  wave.note = form.value("note");
  return wave;
}

Response create_wave_submit(Context& context) {
  const auto actor = context.actor();
  const auto survey = stored_survey(context);
  const auto wave = wave_from_form(context, Wave{});
  return web::submit(
      [&] {
        add_wave(context.services.database, actor, survey.id, wave);
        return Response::redirect(survey_path(survey.id) +
                                  "?notice=notice_survey_wave_added#waves");
      },
      [&](const validation::Errors& found, bool) {
        return wave_form(context, survey, wave, found, 422);
      });
}

Response edit_wave(Context& context) {
  const auto record = survey_record(context.services.database, context.actor(), context.path_id());
  return wave_form(context, record.survey, wave_in(record, context.path_id("wave")), {}, 200);
}

Response update_wave_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = survey_record(context.services.database, actor, context.path_id());
  const auto wave = wave_from_form(context, wave_in(record, context.path_id("wave")));
  return web::submit(
      [&] {
        update_wave(context.services.database, actor, record.survey.id, wave);
        return Response::redirect(survey_path(record.survey.id) + "?notice=notice_saved#waves");
      },
      [&](const validation::Errors& found, bool) {
        return wave_form(context, record.survey, wave, found, 422);
      });
}

}  // namespace

void add_survey_form_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/surveys/new", all, new_survey});
  app.add({Method::post, "/surveys", all, create_survey_submit});
  app.add({Method::get, "/surveys/{id}/edit", all, edit_survey});
  app.add({Method::post, "/surveys/{id}/edit", all, update_survey_submit});
  app.add({Method::get, "/surveys/{id}/waves/new", all, new_wave});
  app.add({Method::post, "/surveys/{id}/waves", all, create_wave_submit});
  app.add({Method::get, "/surveys/{id}/waves/{wave}/edit", all, edit_wave});
  app.add({Method::post, "/surveys/{id}/waves/{wave}/edit", all, update_wave_submit});
}

}  // namespace samtryg::surveys
