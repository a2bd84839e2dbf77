#include "features/surveys/commands.hpp"

#include <algorithm>
#include <chrono>

#include "core/audit/audit.hpp"
#include "core/demo/marks.hpp"
#include "core/util/time.hpp"
#include "features/indicators/commands.hpp"
#include "features/surveys/json.hpp"
#include "features/surveys/store.hpp"

namespace samtryg::surveys {

namespace {

using validation::Errors;

Survey survey_in_workspace(soci::session& sql, const Actor& actor, long long id) {
  auto survey = store::find_survey(sql, actor.workspace_id, id);
  if (!survey) throw validation::NotFound();
  return std::move(*survey);
}

Question question_of(soci::session& sql, long long survey_id, long long id) {
  for (auto& question : store::questions(sql, survey_id)) {
    if (question.id == id) return question;
  }
  throw validation::NotFound();
}

Wave wave_of(soci::session& sql, long long survey_id, long long id) {
  for (auto& wave : store::waves(sql, survey_id)) {
    if (wave.id == id) return wave;
  }
  throw validation::NotFound();
}

// The linked indicator must be the workspace's and measure a share (read through indicators'
// own queries, never its store).
void check_indicator(soci::session& sql, const Actor& actor, const Question& question,
                     Errors& errors) {
  if (!question.indicator_id) return;
  try {
    const auto indicator = indicators::indicator_in_workspace(sql, actor, *question.indicator_id);
    if (indicator.unit != "percent") errors.add("indicator_id", "survey_indicator_not_percent");
  } catch (const validation::NotFound&) {
    errors.add("indicator_id", "link_not_in_workspace");
  }
}

// The share passed on as the indicator's value for the wave's period and the result's area.
void feed_indicator(soci::session& sql, const Actor& actor, const Survey& survey,
                    const Question& question, const Wave& wave, const Result& result) {
  if (!question.indicator_id) return;
  const auto value_of_share = share(question, result);
  if (!value_of_share) return;
  indicators::Value value;
  value.indicator_id = *question.indicator_id;
  value.period = wave.period;
  value.area_id = result.area_id;
  value.value = value_of_share;
  value.origin = "imported";
  value.import_file = survey.name;
  value.import_table = question.text;
  try {
    indicators::save_value_in(sql, actor, value);
  } catch (const validation::Invalid& refused) {
    Errors errors;
    std::string reason;
    if (!refused.errors.items().empty()) reason = refused.errors.items().front().message_key;
    errors.add("indicator_id", "survey_indicator_refused",
               {{"period", wave.period}, {"reason", "t:" + reason}});
    throw validation::Invalid(errors);
  }
}

void feed_all(soci::session& sql, const Actor& actor, const Survey& survey,
              const Question& question) {
  if (!question.indicator_id) return;
  const auto waves = store::waves(sql, survey.id);
  for (const auto& result : store::results(sql, survey.id)) {
    if (result.question_id != question.id) continue;
    for (const auto& wave : waves) {
      if (wave.id == result.wave_id) feed_indicator(sql, actor, survey, question, wave, result);
    }
  }
}

// The result's area must be one of the workspace's (the indicators' areas).
void check_area(soci::session& sql, const Actor& actor, const Result& result, Errors& errors) {
  if (!result.area_id) return;
  for (const auto& area : indicators::areas(sql, actor)) {
    if (area.id == *result.area_id) return;
  }
  errors.add("area_id", "link_not_in_workspace");
}

// The demo's example marks of the survey's results that `removed` selects: they go with the
// results.
template <class Removed>
void clear_result_marks(soci::session& sql, const Actor& actor, long long survey_id,
                        Removed&& removed) {
  for (const auto& result : store::results(sql, survey_id)) {
    if (removed(result)) demo::clear_marks(sql, actor.workspace_id, "survey_result", result.id);
  }
}

boost::json::object result_json(const Result& result) {
  return to_json(result);
}

}  // namespace

long long create_survey(db::Database& database, const Actor& actor, Survey survey) {
  auth::require_edit_all(actor);
  survey.id = 0;
  survey.workspace_id = actor.workspace_id;
  validation::throw_if_any(validate_survey(survey));
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    survey.id = id = store::insert_survey(sql, survey);
    audit::record_change(sql, actor, "create", "survey", id, nullptr, to_json(survey));
  });
  return id;
}

void update_survey(db::Database& database, const Actor& actor, Survey survey) {
  auth::require_edit_all(actor);
  validation::throw_if_any(validate_survey(survey));
  database.in_transaction([&](soci::session& sql) {
    const auto before = survey_in_workspace(sql, actor, survey.id);
    survey.workspace_id = actor.workspace_id;
    survey.created_at = before.created_at;
    if (!store::update_survey(sql, survey)) throw validation::Conflict();
    demo::clear_marks(sql, actor.workspace_id, "survey", survey.id);
    audit::record_change(sql, actor, "update", "survey", survey.id, to_json(before),
                         to_json(survey));
  });
}

void delete_survey(db::Database& database, const Actor& actor, long long id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = survey_in_workspace(sql, actor, id);
    clear_result_marks(sql, actor, id, [](const Result&) { return true; });
    store::delete_survey(sql, actor.workspace_id, id);
    demo::clear_marks(sql, actor.workspace_id, "survey", id);
    audit::record_change(sql, actor, "delete", "survey", id, to_json(before), nullptr);
  });
}

namespace {

// A second wave of the same period is refused.
void check_period_free(soci::session& sql, long long survey_id, const Wave& wave) {
  for (const auto& existing : store::waves(sql, survey_id)) {
    if (existing.period == wave.period && existing.id != wave.id) {
      Errors errors;
      errors.add("period", "survey_wave_exists");
      throw validation::Invalid(errors);
    }
  }
}

}  // namespace

long long add_wave(db::Database& database, const Actor& actor, long long survey_id, Wave wave) {
  auth::require_edit_all(actor);
  std::string period;
  validation::throw_if_any(validate_wave(wave, &period));
  wave.period = period;
  wave.id = 0;
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    survey_in_workspace(sql, actor, survey_id);
    check_period_free(sql, survey_id, wave);
    wave.survey_id = survey_id;
    wave.id = id = store::insert_wave(sql, wave);
    audit::record_change(sql, actor, "create", "survey_wave", id, nullptr, to_json(wave));
  });
  return id;
}

void update_wave(db::Database& database, const Actor& actor, long long survey_id, Wave wave) {
  auth::require_edit_all(actor);
  std::string period;
  validation::throw_if_any(validate_wave(wave, &period));
  wave.period = period;
  database.in_transaction([&](soci::session& sql) {
    survey_in_workspace(sql, actor, survey_id);
    const auto before = wave_of(sql, survey_id, wave.id);
    check_period_free(sql, survey_id, wave);
    wave.survey_id = survey_id;
    store::update_wave(sql, wave);
    audit::record_change(sql, actor, "update", "survey_wave", wave.id, to_json(before),
                         to_json(wave));
  });
}

void delete_wave(db::Database& database, const Actor& actor, long long survey_id,
                 long long wave_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    survey_in_workspace(sql, actor, survey_id);
    const auto before = wave_of(sql, survey_id, wave_id);
    clear_result_marks(sql, actor, survey_id,
                       [&](const Result& result) { return result.wave_id == wave_id; });
    store::delete_wave(sql, survey_id, wave_id);
    audit::record_change(sql, actor, "delete", "survey_wave", wave_id, to_json(before), nullptr);
  });
}

long long add_question(db::Database& database, const Actor& actor, long long survey_id,
                       Question question) {
  auth::require_edit_all(actor);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    survey_in_workspace(sql, actor, survey_id);
    auto errors = validate_question(question);
    check_indicator(sql, actor, question, errors);
    validation::throw_if_any(errors);
    question.survey_id = survey_id;
    question.position = next_position(store::questions(sql, survey_id));
    question.id = id = store::insert_question(sql, question);
    audit::record_change(sql, actor, "create", "survey_question", id, nullptr, to_json(question));
  });
  return id;
}

void update_question(db::Database& database, const Actor& actor, long long survey_id,
                     Question question) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto survey = survey_in_workspace(sql, actor, survey_id);
    const auto before = question_of(sql, survey_id, question.id);
    auto errors = validate_question(question);
    check_indicator(sql, actor, question, errors);
    validation::throw_if_any(errors);
    question.survey_id = survey_id;
    question.position = before.position;
    if (!store::update_question(sql, question)) throw validation::Conflict();
    feed_all(sql, actor, survey, question);
    audit::record_change(sql, actor, "update", "survey_question", question.id, to_json(before),
                         to_json(question));
  });
}

void delete_question(db::Database& database, const Actor& actor, long long survey_id,
                     long long question_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    survey_in_workspace(sql, actor, survey_id);
    const auto before = question_of(sql, survey_id, question_id);
    clear_result_marks(sql, actor, survey_id,
                       [&](const Result& result) { return result.question_id == question_id; });
    store::delete_question(sql, survey_id, question_id);
    audit::record_change(sql, actor, "delete", "survey_question", question_id, to_json(before),
                         nullptr);
  });
}

namespace {

long long save_result_in(soci::session& sql, const Actor& actor, const Survey& survey,
                         const Question& question, const Wave& wave, Result result) {
  auto errors = validate_result(question, result);
  check_area(sql, actor, result, errors);
  validation::throw_if_any(errors);
  result.wave_id = wave.id;
  result.question_id = question.id;
  result.updated_at = now_iso_utc();
  result.id = store::save_result(sql, result);
  feed_indicator(sql, actor, survey, question, wave, result);
  // A person's figures replace the demo's example figures.
  demo::clear_marks(sql, actor.workspace_id, "survey_result", result.id);
  audit::record_change(sql, actor, "update", "survey_result", result.id, nullptr,
                       result_json(result));
  return result.id;
}

}  // namespace

long long save_result(db::Database& database, const Actor& actor, long long survey_id,
                      Result result) {
  auth::require_edit_all(actor);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    const auto survey = survey_in_workspace(sql, actor, survey_id);
    Errors errors;
    std::optional<Wave> wave;
    std::optional<Question> question;
    try {
      wave = wave_of(sql, survey_id, result.wave_id);
    } catch (const validation::NotFound&) {
      errors.add("wave_id", "survey_choose_wave");
    }
    try {
      question = question_of(sql, survey_id, result.question_id);
    } catch (const validation::NotFound&) {
      errors.add("question_id", "survey_choose_question");
    }
    validation::throw_if_any(errors);
    id = save_result_in(sql, actor, survey, *question, *wave, std::move(result));
  });
  return id;
}

void delete_result(db::Database& database, const Actor& actor, long long survey_id,
                   long long result_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    survey_in_workspace(sql, actor, survey_id);
    const auto results = store::results(sql, survey_id);
    const auto found = std::find_if(results.begin(), results.end(),
                                    [&](const Result& result) { return result.id == result_id; });
    if (found == results.end()) throw validation::NotFound();
    store::delete_result(sql, survey_id, result_id);
    demo::clear_marks(sql, actor.workspace_id, "survey_result", result_id);
    audit::record_change(sql, actor, "delete", "survey_result", result_id, result_json(*found),
                         nullptr);
  });
}

long long stage_file(db::Database& database, const Actor& actor, long long survey_id,
                     const std::string& file_name, const std::string& content) {
  auth::require_edit_all(actor);
  constexpr auto kStagedLifetime = std::chrono::hours(48);
  store::StagedFile staged;
  staged.workspace_id = actor.workspace_id;
  staged.survey_id = survey_id;
  staged.user_id = actor.user_id;
  staged.file_name = file_name;
  staged.content = content;
  staged.created_at = now_iso_utc();
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    survey_in_workspace(sql, actor, survey_id);
    store::delete_staged_files_before(sql, to_iso_utc(Clock::now() - kStagedLifetime));
    id = store::insert_staged_file(sql, staged);
  });
  return id;
}

StagedTable staged_file(db::Database& database, const Actor& actor, long long survey_id,
                        long long id) {
  auth::require_edit_all(actor);
  auto sql = database.session();
  auto staged = store::find_staged_file(sql, actor.workspace_id, id);
  if (!staged || staged->survey_id != survey_id) throw validation::NotFound();
  return {staged->id, staged->survey_id, std::move(staged->file_name), std::move(staged->content)};
}

ImportOutcome import_results(db::Database& database, const Actor& actor, long long survey_id,
                             long long question_id, const ImportPreview& preview,
                             long long staged_id) {
  auth::require_edit_all(actor);
  ImportOutcome outcome;
  database.in_transaction([&](soci::session& sql) {
    const auto survey = survey_in_workspace(sql, actor, survey_id);
    const auto question = question_of(sql, survey_id, question_id);
    auto waves = store::waves(sql, survey_id);
    const auto wave_for = [&](const std::string& period) {
      for (const auto& wave : waves) {
        if (wave.period == period) return wave;
      }
      Wave wave;
      wave.survey_id = survey_id;
      wave.period = period;
      validation::throw_if_any(validate_wave(wave));
      wave.id = store::insert_wave(sql, wave);
      audit::record_change(sql, actor, "create", "survey_wave", wave.id, nullptr, to_json(wave));
      ++outcome.waves_created;
      waves.push_back(wave);
      return wave;
    };
    for (const auto& item : preview.results) {
      Result result;
      result.area_id = item.area_id;
      result.respondents = item.respondents;
      result.percents = item.percents;
      save_result_in(sql, actor, survey, question, wave_for(item.period), std::move(result));
      ++outcome.results;
    }
    if (staged_id != 0) store::delete_staged_file(sql, actor.workspace_id, staged_id);
  });
  return outcome;
}

}  // namespace samtryg::surveys
