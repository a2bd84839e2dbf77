// The surveys' use cases and statements against SQLite and PostgreSQL alike: a survey with its
// waves, questions and results read back, a result replaced for the same wave and area, the
// share passed on to a linked indicator (and refused whole when the indicator cannot take it),
// an import that adds its waves, changes with a stale version refused, other workspaces kept
// out, and deleting with everything the survey holds.
#include "features/surveys/commands.hpp"

#include <gtest/gtest.h>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/util/time.hpp"
#include "features/indicators/commands.hpp"
#include "support/databases.hpp"

namespace samtryg::surveys {
namespace {

class SurveyCommands : public testing::DatabaseTest {
 protected:
  void prepare() override {
    database_->in_transaction([&](soci::session& sql) {
      workspace_ = auth::insert_workspace(sql, "Landskrona stad", "sv", now_iso_utc());
      other_workspace_ = auth::insert_workspace(sql, "Nässjö", "sv", now_iso_utc());
    });
    coordinator_ = actor(workspace_, auth::Role::coordinator);
  }

  static Actor actor(long long workspace, auth::Role role) {
    return auth::Actor::for_role(workspace, {std::nullopt, "test"}, std::nullopt, role);
  }

  long long trygghetsmatning() {
    Survey survey;
    survey.name = "Polisens trygghetsmätning";
    survey.publisher = "Polisen";
    return create_survey(database(), coordinator_, survey);
  }

  static Question feeling_safe(std::optional<long long> indicator = std::nullopt) {
    Question question;
    question.text = "Hur trygg känner du dig ute sent en kväll?";
    question.share_label = "känner sig trygga";
    question.options = {{"Mycket trygg", true}, {"Ganska trygg", true}, {"Otrygg", false}};
    question.indicator_id = indicator;
    return question;
  }

  long long share_indicator(const std::string& frequency = "year") {
    indicators::Indicator indicator;
    indicator.name = "Andel som känner sig trygga ute på kvällen (" + frequency + ")";
    indicator.unit = "percent";
    indicator.frequency = frequency;
    return indicators::create_indicator(database(), coordinator_, indicator, {});
  }

  static Result result(long long wave, long long question, std::vector<std::optional<double>> p) {
    Result out;
    out.wave_id = wave;
    out.question_id = question;
    out.respondents = 640;
    out.invited = 1500;
    out.percents = std::move(p);
    return out;
  }

  long long workspace_ = 0;
  long long other_workspace_ = 0;
  Actor coordinator_;
};

TEST_P(SurveyCommands, ASurveyWithWavesQuestionsAndResultsIsReadBack) {
  const auto survey = trygghetsmatning();
  const auto wave = add_wave(database(), coordinator_, survey, Wave{0, 0, "2016", "hösten", ""});
  const auto question = add_question(database(), coordinator_, survey, feeling_safe());
  save_result(database(), coordinator_, survey, result(wave, question, {25, 47.5, 28}));
  // The same wave and area again replaces the result.
  save_result(database(), coordinator_, survey, result(wave, question, {26, 47, std::nullopt}));

  const auto record = survey_record(database(), coordinator_, survey);
  EXPECT_EQ(record.survey.name, "Polisens trygghetsmätning");
  ASSERT_EQ(record.waves.size(), 1U);
  EXPECT_EQ(record.waves[0].fielded, "hösten");
  ASSERT_EQ(record.questions.size(), 1U);
  EXPECT_EQ(record.questions[0].options.size(), 3U);
  EXPECT_TRUE(record.questions[0].options[1].in_share);
  ASSERT_EQ(record.results.size(), 1U);
  EXPECT_EQ(record.results[0].percents.size(), 2U) << "no figure for the third answer";
  EXPECT_DOUBLE_EQ(*share(record.questions[0], record.results[0]), 73);
  EXPECT_EQ(record.results[0].respondents, 640);

  auto sql = database().session();
  const auto summaries = survey_summaries(sql, coordinator_);
  ASSERT_EQ(summaries.size(), 1U);
  EXPECT_EQ(summaries[0].waves, 1);
  EXPECT_EQ(summaries[0].questions, 1);
  const auto trends = question_trends(sql, coordinator_, {question});
  ASSERT_EQ(trends.size(), 1U);
  ASSERT_EQ(trends[0].waves.size(), 1U);
  EXPECT_DOUBLE_EQ(*trends[0].waves[0].share, 73);
  EXPECT_EQ(audit::history(sql, "survey", std::to_string(survey)).size(), 1U);
}

TEST_P(SurveyCommands, TheShareIsPassedOnToTheLinkedIndicator) {
  const auto survey = trygghetsmatning();
  const auto wave = add_wave(database(), coordinator_, survey, Wave{0, 0, "2015", "", ""});
  const auto question = add_question(database(), coordinator_, survey, feeling_safe());
  save_result(database(), coordinator_, survey, result(wave, question, {24, 46, 30}));

  // Linking afterwards passes the results already there on.
  const auto indicator = share_indicator();
  auto linked = survey_record(database(), coordinator_, survey).questions[0];
  linked.indicator_id = indicator;
  update_question(database(), coordinator_, survey, linked);
  auto values =
      indicators::readable_indicator(database(), coordinator_, indicator, "2017-01-01").values;
  ASSERT_EQ(values.size(), 1U);
  EXPECT_EQ(values[0].period, "2015");
  EXPECT_DOUBLE_EQ(*values[0].value, 70);

  // A new result follows.
  const auto wave_2016 = add_wave(database(), coordinator_, survey, Wave{0, 0, "2016", "", ""});
  save_result(database(), coordinator_, survey, result(wave_2016, question, {25, 47, 28}));
  values = indicators::readable_indicator(database(), coordinator_, indicator, "2017-01-01").values;
  ASSERT_EQ(values.size(), 2U);

  // A monthly indicator cannot take a yearly wave: nothing is saved.
  const auto monthly = share_indicator("month");
  linked = survey_record(database(), coordinator_, survey).questions[0];
  linked.indicator_id = monthly;
  try {
    update_question(database(), coordinator_, survey, linked);
    FAIL() << "a yearly share went into a monthly indicator";
  } catch (const validation::Invalid& invalid) {
    EXPECT_TRUE(invalid.errors.for_field("indicator_id"));
  }
  EXPECT_EQ(survey_record(database(), coordinator_, survey).questions[0].indicator_id, indicator);
}

TEST_P(SurveyCommands, BadInputIsRefusedWholeAndOnlyCoordinatorsWrite) {
  const auto survey = trygghetsmatning();
  const auto wave = add_wave(database(), coordinator_, survey, Wave{0, 0, "2016", "", ""});
  EXPECT_THROW(add_wave(database(), coordinator_, survey, Wave{0, 0, "2016", "", ""}),
               validation::Invalid)
      << "a second wave of the same period";
  const auto question = add_question(database(), coordinator_, survey, feeling_safe());
  auto bad = result(wave, question, {80, 30, 5});
  try {
    save_result(database(), coordinator_, survey, bad);
    FAIL() << "115 % was accepted";
  } catch (const validation::Invalid& invalid) {
    EXPECT_TRUE(invalid.errors.for_field("percents"));
  }
  EXPECT_THROW(save_result(database(), coordinator_, survey, result(wave + 999, question, {1})),
               validation::Invalid);
  auto unit_count = feeling_safe();
  indicators::Indicator counted;
  counted.name = "Antal svar";
  unit_count.indicator_id = indicators::create_indicator(database(), coordinator_, counted, {});
  EXPECT_THROW(add_question(database(), coordinator_, survey, unit_count), validation::Invalid)
      << "a count is no share";
  EXPECT_THROW(create_survey(database(), actor(workspace_, auth::Role::member), Survey{}),
               validation::Forbidden);
  EXPECT_TRUE(survey_record(database(), coordinator_, survey).results.empty());

  const auto stranger = actor(other_workspace_, auth::Role::coordinator);
  EXPECT_THROW(survey_record(database(), stranger, survey), validation::NotFound);
  EXPECT_THROW(add_wave(database(), stranger, survey, Wave{0, 0, "2017", "", ""}),
               validation::NotFound);

  auto stale = survey_record(database(), coordinator_, survey).survey;
  stale.name = "Trygghetsmätningen";
  update_survey(database(), coordinator_, stale);
  stale.name = "Något annat";
  EXPECT_THROW(update_survey(database(), coordinator_, stale), validation::Conflict);
}

TEST_P(SurveyCommands, AnImportAddsItsWavesAndDeletingTakesEverything) {
  const auto survey = trygghetsmatning();
  const auto question = add_question(database(), coordinator_, survey, feeling_safe());
  ImportPreview preview;
  preview.results.push_back({"2015", std::nullopt, "", 640, {24, 46, 30}});
  preview.results.push_back({"2016", std::nullopt, "", 655, {25, 47, 28}});
  const auto staged = stage_file(database(), coordinator_, survey, "t.csv", "a;b\n1;2\n");
  EXPECT_EQ(staged_file(database(), coordinator_, survey, staged).file_name, "t.csv");
  const auto outcome = import_results(database(), coordinator_, survey, question, preview, staged);
  EXPECT_EQ(outcome.results, 2);
  EXPECT_EQ(outcome.waves_created, 2);
  EXPECT_THROW(staged_file(database(), coordinator_, survey, staged), validation::NotFound)
      << "the staged file goes once stored";
  auto record = survey_record(database(), coordinator_, survey);
  EXPECT_EQ(record.waves.size(), 2U);
  EXPECT_EQ(record.results.size(), 2U);

  delete_result(database(), coordinator_, survey, record.results[0].id);
  delete_wave(database(), coordinator_, survey, record.waves[1].id);
  record = survey_record(database(), coordinator_, survey);
  EXPECT_TRUE(record.results.empty());
  delete_survey(database(), coordinator_, survey);
  EXPECT_THROW(survey_record(database(), coordinator_, survey), validation::NotFound);
  auto sql = database().session();
  long long left = -1;
  sql << "SELECT COUNT(*) FROM survey_questions", soci::into(left);
  EXPECT_EQ(left, 0);
}

SAMTRYG_ON_EVERY_BACKEND(SurveyCommands);

}  // namespace
}  // namespace samtryg::surveys
