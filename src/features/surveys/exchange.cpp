#include "features/surveys/exchange.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/exchange/records.hpp"
#include "features/surveys/json.hpp"
#include "features/surveys/store.hpp"

namespace samtryg::surveys {

namespace {

using boost::json::array;
using exchange::Reading;
using exchange::Storing;
using exchange::Writing;

struct SurveyEntry {
  Survey survey;
  std::vector<Wave> waves;
  std::vector<Question> questions;
  std::vector<Result> results;
};

// The survey's waves, questions and results; each list numbered by its own kind of id, so a
// result names its wave and question by their document ids.
void export_parts(Writing& out, const Survey& survey, boost::json::object& json) {
  json["waves"] = exchange::numbered(store::waves(out.sql, survey.id), out.ids.of("survey_wave"),
                                     [](const Wave& wave) { return to_json(wave); });
  json["questions"] = exchange::numbered(store::questions(out.sql, survey.id),
                                         out.ids.of("survey_question"), [&](const Question& q) {
                                           auto item = to_json(q);
                                           item.erase("row_version");
                                           out.ids.relink(item, "indicator_id", "indicator");
                                           return item;
                                         });
  json["results"] = exchange::numbered(store::results(out.sql, survey.id),
                                       out.ids.of("survey_result"), [&](const Result& result) {
                                         auto item = to_json(result);
                                         out.ids.relink(item, "wave_id", "survey_wave");
                                         out.ids.relink(item, "question_id", "survey_question");
                                         out.ids.relink(item, "area_id", "area");
                                         return item;
                                       });
}

array export_surveys(Writing& out) {
  return exchange::numbered(store::surveys(out.sql, out.workspace_id), out.ids.of("survey"),
                            [&](const Survey& survey) {
                              auto json = to_json(survey);
                              json.erase("row_version");
                              export_parts(out, survey, json);
                              return json;
                            });
}

void read_parts(Reading& in, json::Reader& reader, SurveyEntry& entry, const std::string& path) {
  entry.waves = exchange::read_records<Wave>(
      in, reader, "waves",
      {.kind = "survey_wave",
       .id = [](const Wave& wave) { return wave.id; },
       .validate = [](const Wave& wave) { return validate_wave(wave); },
       .unique = [](const Wave& wave) { return std::optional<std::string>(wave.period); },
       .unique_member = "period",
       .unique_error = "survey_wave_exists"},
      [](json::Reader& item, Wave& wave, const std::string&) { read(item, wave); });
  entry.questions = exchange::read_records<Question>(
      in, reader, "questions",
      {.kind = "survey_question",
       .id = [](const Question& question) { return question.id; },
       .validate = validate_question,
       .references = {{"indicator_id", "indicator",
                       [](const Question& question) { return question.indicator_id; }}}},
      [](json::Reader& item, Question& question, const std::string&) { read(item, question); });
  entry.results = exchange::read_records<Result>(
      in, reader, "results",
      {.kind = "survey_result",
       .id = [](const Result& result) { return result.id; },
       .references = {{"area_id", "area", [](const Result& result) { return result.area_id; }}}},
      [](json::Reader& item, Result& result, const std::string&) { read(item, result); });
  // A result names a wave and a question of its own survey, once per area, and is checked
  // against that question.
  std::set<std::tuple<long long, long long, long long>> keys;
  for (std::size_t index = 0; index < entry.results.size(); ++index) {
    const auto& result = entry.results[index];
    const auto result_path = path + ".results[" + std::to_string(index) + "]";
    if (!keys.emplace(result.wave_id, result.question_id, result.area_id.value_or(0)).second) {
      in.add(result_path + ".wave_id", "survey_result_repeated");
    }
    const bool wave_found =
        std::any_of(entry.waves.begin(), entry.waves.end(),
                    [&](const Wave& wave) { return wave.id == result.wave_id; });
    if (!wave_found) in.add(result_path + ".wave_id", "json_reference_unknown");
    const auto question =
        std::find_if(entry.questions.begin(), entry.questions.end(),
                     [&](const Question& candidate) { return candidate.id == result.question_id; });
    if (question == entry.questions.end()) {
      in.add(result_path + ".question_id", "json_reference_unknown");
    } else {
      in.add_all(result_path, validate_result(*question, result));
    }
  }
}

void store_entry(Storing& out, const SurveyEntry& entry, int& results) {
  auto survey = entry.survey;
  survey.workspace_id = out.workspace_id;
  if (survey.created_at.empty()) survey.created_at = out.now;
  const auto survey_id = store::insert_survey(out.sql, survey);
  out.ids.add("survey", entry.survey.id, survey_id);
  std::map<long long, long long> waves;
  for (auto wave : entry.waves) {
    std::string canonical;
    validate_wave(wave, &canonical);
    wave.period = canonical;
    wave.survey_id = survey_id;
    waves[wave.id] = store::insert_wave(out.sql, wave);
    out.ids.add("survey_wave", wave.id, waves[wave.id]);
  }
  std::map<long long, long long> questions;
  int position = 0;
  for (auto question : entry.questions) {
    question.survey_id = survey_id;
    question.position = ++position;
    question.indicator_id = out.ids.find("indicator", question.indicator_id);
    if (question.created_at.empty()) question.created_at = out.now;
    questions[question.id] = store::insert_question(out.sql, question);
    out.ids.add("survey_question", question.id, questions[question.id]);
  }
  for (auto result : entry.results) {
    const auto local = result.id;
    result.wave_id = waves.at(result.wave_id);
    result.question_id = questions.at(result.question_id);
    result.area_id = out.ids.find("area", result.area_id);
    if (result.updated_at.empty()) result.updated_at = out.now;
    out.ids.add("survey_result", local, store::save_result(out.sql, result));
    ++results;
  }
}

class SurveysSection final : public exchange::Section {
 public:
  void write(Writing& out) const override { out.document["surveys"] = export_surveys(out); }

  void read(Reading& in) override {
    surveys_ = exchange::read_records<SurveyEntry>(
        in, in.document, "surveys",
        {.kind = "survey",
         .id = [](const SurveyEntry& entry) { return entry.survey.id; },
         .validate = [](const SurveyEntry& entry) { return validate_survey(entry.survey); }},
        [&in](json::Reader& reader, SurveyEntry& entry, const std::string& path) {
          surveys::read(reader, entry.survey);
          read_parts(in, reader, entry, path);
        });
  }

  void store(Storing& out) override {
    int results = 0;
    for (const auto& entry : surveys_) store_entry(out, entry, results);
    out.count("surveys", static_cast<int>(surveys_.size()));
    out.count("survey_results", results);
  }

 private:
  std::vector<SurveyEntry> surveys_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<SurveysSection>();
}

}  // namespace samtryg::surveys
