#pragma once
// Reads of surveys as an actor sees them. Survey results are published statistics (shares and
// counts, never a respondent), so every member of the workspace, viewers too, reads them; what
// they link to (an indicator, an area) is read through the indicators' queries. Pages, the API
// and other features (the citizen promises) read surveys here.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/surveys/model.hpp"

namespace samtryg::surveys {

using auth::Actor;

std::vector<Survey> surveys(soci::session& sql, const Actor& actor);
// Throws validation::NotFound when the survey is not the actor's workspace's.
Survey readable_survey(soci::session& sql, const Actor& actor, long long id);

struct SurveySummary {
  Survey survey;
  long long waves = 0;
  long long questions = 0;
};
std::vector<SurveySummary> survey_summaries(soci::session& sql, const Actor& actor);

// A survey with everything its page shows: waves in period order, questions in their order.
struct SurveyRecord {
  Survey survey;
  std::vector<Wave> waves;
  std::vector<Question> questions;
  std::vector<Result> results;
};
SurveyRecord survey_record(soci::session& sql, const Actor& actor, long long id);
SurveyRecord survey_record(db::Database& database, const Actor& actor, long long id);
// validation::NotFound when `id` is not one of the record's.
const Question& question_in(const SurveyRecord& record, long long id);
const Wave& wave_in(const SurveyRecord& record, long long id);
// The wave of `period` (canonical), if the survey has one.
const Wave* wave_of_period(const SurveyRecord& record, const std::string& period);

// A question as another feature links to it: "Trygghetsmätningen – Känner du dig trygg …".
struct QuestionChoice {
  long long id = 0;
  long long survey_id = 0;
  std::string survey_name;
  std::string text;
};
std::vector<QuestionChoice> question_choices(soci::session& sql, const Actor& actor);

// A question's share per wave, for the whole population asked (the result without an area;
// else the first area's), oldest wave first: what a citizen promise shows as its evidence.
struct ShareInWave {
  std::string period;
  std::optional<double> share;
  std::optional<int> respondents;
  std::string area{};  // the area's name when the survey has no result for all of it
};
struct QuestionTrend {
  QuestionChoice question;
  std::string share_label;
  std::vector<ShareInWave> waves;
  // The fields of the shown results that are the demo's example data (demo/marks.hpp).
  std::vector<std::string> example_fields{};
};
// The trends of those of `question_ids` that are the workspace's, in the order given.
std::vector<QuestionTrend> question_trends(soci::session& sql, const Actor& actor,
                                           const std::vector<long long>& question_ids);

}  // namespace samtryg::surveys
