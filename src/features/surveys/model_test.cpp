// The survey rules with no I/O: what a survey, wave, question and result must hold, the share
// and response rate worked out from a result, and a statistics table mapped onto a question's
// results (waves, areas and answers matched, the rest reported).
#include "features/surveys/model.hpp"

#include <gtest/gtest.h>

#include "features/statistics/reader.hpp"
#include "features/surveys/import.hpp"

namespace samtryg::surveys {
namespace {

Question feeling_safe() {
  Question question;
  question.id = 7;
  question.text = "Hur trygg känner du dig ute sent en kväll?";
  question.options = {{"Mycket trygg", true},
                      {"Ganska trygg", true},
                      {"Ganska otrygg", false},
                      {"Mycket otrygg", false}};
  return question;
}

TEST(SurveyModel, TheShareAddsTheAnswersInTheShareAndTheRateComesFromTheAsked) {
  const auto question = feeling_safe();
  Result result;
  result.respondents = 612;
  result.invited = 1500;
  result.percents = {22, 45.5, 21, 8};
  EXPECT_DOUBLE_EQ(*share(question, result), 67.5);
  EXPECT_DOUBLE_EQ(*response_rate(result), 40.8);
  EXPECT_EQ(answer_count(result, 0), 135) << "22 % of 612, rounded";

  result.percents = {std::nullopt, 45.5};
  EXPECT_FALSE(share(question, result)) << "a share needs every answer in it";
  result.invited = 0;
  EXPECT_FALSE(response_rate(result));

  auto no_share = question;
  for (auto& option : no_share.options) option.in_share = false;
  EXPECT_FALSE(has_share(no_share));
  EXPECT_FALSE(share(no_share, result));
}

TEST(SurveyModel, BadInputIsNamedByField) {
  Survey survey;
  survey.kind = "poll";
  const auto survey_errors = validate_survey(survey);
  EXPECT_TRUE(survey_errors.for_field("name"));
  EXPECT_TRUE(survey_errors.for_field("kind"));

  Wave wave;
  wave.period = "2017K3";
  std::string canonical;
  EXPECT_TRUE(validate_wave(wave, &canonical).empty());
  EXPECT_EQ(canonical, "2017Q3");
  wave.period = "last spring";
  EXPECT_TRUE(validate_wave(wave).for_field("period"));

  auto question = feeling_safe();
  question.options.resize(1);
  question.options[0].in_share = false;
  question.indicator_id = 3;
  const auto question_errors = validate_question(question);
  EXPECT_TRUE(question_errors.for_field("options"));
  EXPECT_TRUE(question_errors.for_field("indicator_id")) << "nothing to pass on";

  Result result;
  result.respondents = 700;
  result.invited = 600;
  result.percents = {60, 50, -1, 0, 5};
  const auto result_errors = validate_result(feeling_safe(), result);
  EXPECT_TRUE(result_errors.for_field("respondents"));
  EXPECT_TRUE(result_errors.for_field("percents[2]"));
  EXPECT_TRUE(result_errors.for_field("percents")) << "five figures for four answers";
  result = Result{};
  result.percents = {33.4, 33.3, 33.3, 0.5};
  EXPECT_TRUE(validate_result(feeling_safe(), result).empty()) << "rounding is allowed for";
}

// A table as a statistics office publishes it: year × area × answer, in percent, with the
// number who answered as one more answer category.
constexpr std::string_view kTable =
    "År;Område;Svar;Andel\n"
    "2015;Landskrona;Mycket trygg;24\n"
    "2015;Landskrona;Ganska trygg;46\n"
    "2015;Landskrona;Ganska otrygg;19\n"
    "2015;Landskrona;Mycket otrygg;..\n"
    "2015;Landskrona;Antal svarande;640\n"
    "2015;Nässjö;Mycket trygg;30\n"
    "2015;Nässjö;Ganska trygg;40\n"
    "2015;Nässjö;Ganska otrygg;20\n"
    "2015;Nässjö;Mycket otrygg;10\n"
    "2015;Nässjö;Antal svarande;300\n"
    "2016;Landskrona;Mycket trygg;25\n"
    "2016;Landskrona;Ganska trygg;47\n"
    "2016;Landskrona;Ganska otrygg;18\n"
    "2016;Landskrona;Vet ej;3\n"
    "2016;Landskrona;Antal svarande;655\n";

TEST(SurveyImport, ATableBecomesResultsPerWaveAndAreaWithTheRestReported) {
  const auto table = stats::read_table(kTable, "trygghet.csv");
  const auto question = feeling_safe();
  const auto mapping = guess_mapping(table, question);
  EXPECT_EQ(mapping.answer_dimension, table.dimensions[2].id) << "the answers match the options";
  ImportMapping chosen = mapping;
  chosen.time_dimension = table.dimensions[0].id;
  chosen.area_dimension = table.dimensions[1].id;
  chosen.respondents_category = "Antal svarande";
  const std::vector<AreaName> areas{{11, "Landskrona", "1282"}};
  const auto found = preview(table, chosen, question, areas, {"2015"});
  ASSERT_EQ(found.results.size(), 2U) << "Nässjö is no area of the workspace";
  EXPECT_EQ(found.results[0].period, "2015");
  EXPECT_EQ(found.results[0].area_id, 11);
  EXPECT_EQ(found.results[0].respondents, 640);
  ASSERT_EQ(found.results[0].percents.size(), 4U);
  EXPECT_EQ(found.results[0].percents[0], 24);
  EXPECT_FALSE(found.results[0].percents[3]) << "'..' is no figure";
  EXPECT_EQ(found.results[1].period, "2016");
  EXPECT_EQ(found.new_periods, std::vector<std::string>{"2016"});
  EXPECT_EQ(found.unknown_areas.size(), 1U);
  EXPECT_EQ(found.unknown_answers.size(), 1U) << "'Vet ej' is not one of the answers";
  EXPECT_FALSE(found.missing_cells.empty());

  ImportMapping wrong = chosen;
  wrong.answer_dimension = chosen.time_dimension;
  try {
    (void)preview(table, wrong, question, areas, {});
    FAIL() << "the same dimension twice was accepted";
  } catch (const validation::Invalid& invalid) {
    EXPECT_TRUE(invalid.errors.for_field("answers"));
  }
}

}  // namespace
}  // namespace samtryg::surveys
