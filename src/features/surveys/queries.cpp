#include "features/surveys/queries.hpp"

#include <algorithm>
#include <map>

#include "core/demo/marks.hpp"
#include "core/validation/validation.hpp"
#include "features/indicators/queries.hpp"
#include "features/surveys/store.hpp"

namespace samtryg::surveys {

std::vector<Survey> surveys(soci::session& sql, const Actor& actor) {
  return store::surveys(sql, actor.workspace_id);
}

Survey readable_survey(soci::session& sql, const Actor& actor, long long id) {
  auto survey = store::find_survey(sql, actor.workspace_id, id);
  if (!survey) throw validation::NotFound();
  return std::move(*survey);
}

std::vector<SurveySummary> survey_summaries(soci::session& sql, const Actor& actor) {
  const auto counts = store::counts(sql, actor.workspace_id);
  std::vector<SurveySummary> out;
  for (auto& survey : surveys(sql, actor)) {
    const auto found = counts.find(survey.id);
    const auto count = found == counts.end() ? store::Counts{} : found->second;
    out.push_back({std::move(survey), count.waves, count.questions});
  }
  return out;
}

SurveyRecord survey_record(soci::session& sql, const Actor& actor, long long id) {
  SurveyRecord record;
  record.survey = readable_survey(sql, actor, id);
  record.waves = store::waves(sql, id);
  record.questions = store::questions(sql, id);
  record.results = store::results(sql, id);
  return record;
}

SurveyRecord survey_record(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  return survey_record(sql, actor, id);
}

const Question& question_in(const SurveyRecord& record, long long id) {
  for (const auto& question : record.questions) {
    if (question.id == id) return question;
  }
  throw validation::NotFound();
}

const Wave& wave_in(const SurveyRecord& record, long long id) {
  for (const auto& wave : record.waves) {
    if (wave.id == id) return wave;
  }
  throw validation::NotFound();
}

const Wave* wave_of_period(const SurveyRecord& record, const std::string& period) {
  for (const auto& wave : record.waves) {
    if (wave.period == period) return &wave;
  }
  return nullptr;
}

std::vector<QuestionChoice> question_choices(soci::session& sql, const Actor& actor) {
  std::vector<QuestionChoice> out;
  for (const auto& survey : surveys(sql, actor)) {
    for (const auto& question : store::questions(sql, survey.id)) {
      out.push_back({question.id, survey.id, survey.name, question.text});
    }
  }
  return out;
}

namespace {

// The result a trend shows for a wave: the whole population's, else the first area's.
const Result* headline_result(const std::vector<Result>& results, long long wave_id,
                              long long question_id) {
  const Result* found = nullptr;
  for (const auto& result : results) {
    if (result.wave_id != wave_id || result.question_id != question_id) continue;
    if (!result.area_id) return &result;
    if (found == nullptr) found = &result;
  }
  return found;
}

bool listed(const std::vector<long long>& ids, long long id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void add_once(std::vector<std::string>& fields, const std::vector<std::string>& more) {
  for (const auto& field : more) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
  }
}

// What one survey's data says about its questions, read once for all of them.
struct SurveyData {
  const Survey& survey;
  std::vector<Wave> waves;
  std::vector<Result> results;
  const std::map<long long, demo::Fields>& examples;
  const std::map<long long, std::string>& area_names;
};

QuestionTrend trend_of(const SurveyData& data, const Question& question) {
  QuestionTrend trend{
      {question.id, data.survey.id, data.survey.name, question.text}, question.share_label, {}};
  for (const auto& wave : data.waves) {
    const auto* result = headline_result(data.results, wave.id, question.id);
    if (result == nullptr) continue;
    std::string area;
    if (result->area_id) {
      const auto named = data.area_names.find(*result->area_id);
      if (named != data.area_names.end()) area = named->second;
    }
    trend.waves.push_back(
        {wave.period, share(question, *result), result->respondents, std::move(area)});
    if (const auto marked = data.examples.find(result->id); marked != data.examples.end()) {
      add_once(trend.example_fields, marked->second);
    }
  }
  return trend;
}

}  // namespace

std::vector<QuestionTrend> question_trends(soci::session& sql, const Actor& actor,
                                           const std::vector<long long>& question_ids) {
  std::vector<QuestionTrend> out;
  if (question_ids.empty()) return out;
  const auto examples = demo::marks_of(sql, actor.workspace_id, "survey_result");
  const auto area_names = indicators::area_names(sql, actor);
  for (const auto& survey : surveys(sql, actor)) {
    const auto questions = store::questions(sql, survey.id);
    if (std::none_of(questions.begin(), questions.end(),
                     [&](const Question& q) { return listed(question_ids, q.id); })) {
      continue;
    }
    const SurveyData data{survey, store::waves(sql, survey.id), store::results(sql, survey.id),
                          examples, area_names};
    for (const auto& question : questions) {
      if (listed(question_ids, question.id)) out.push_back(trend_of(data, question));
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](const QuestionTrend& a, const QuestionTrend& b) {
    const auto rank = [&](long long id) {
      return std::find(question_ids.begin(), question_ids.end(), id) - question_ids.begin();
    };
    return rank(a.question.id) < rank(b.question.id);
  });
  return out;
}

}  // namespace samtryg::surveys
