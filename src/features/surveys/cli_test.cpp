// `samtryg surveys list` and `samtryg surveys import` through the real binary on the demo:
// Landskrona's trygghetsmätning, and a table's results previewed, then stored.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::surveys {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(SurveysCli, ListsTheDemoSurveysAndImportsATable) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  ASSERT_EQ(testing::run_samtryg("demo --db " + db).exit_code, 0);
  const std::string workspace =
      " --workspace 'Trygghet i Landskrona – Landskrona stad och Polisen'";
  const auto list = testing::run_samtryg("surveys list --db " + db + workspace);
  EXPECT_EQ(list.exit_code, 0) << list.output;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(
      list.output, match,
      std::regex("(\\d+)\tpolice_survey\tPolisens trygghetsmätning i Landskrona\t3 waves\t3 "
                 "questions")))
      << list.output;
  const auto survey = match[1].str();

  const auto table = temp.path() / "trygghet.csv";
  std::ofstream(table) << "År;Svar;Andel\n2017;Mycket trygg;27\n2017;Ganska trygg;48\n"
                          "2017;Ganska otrygg;17\n2017;Antal svarande;660\n";
  const auto command = "surveys import " + table.string() + " --db " + db + workspace +
                       " --survey " + survey +
                       " --question 1 --time År --answers Svar --respondents 'Antal svarande'";
  auto run = testing::run_samtryg(command + " --dry-run");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "1 results to store, 1 new waves")) << run.output;
  EXPECT_TRUE(contains(run.output, "Dry run: nothing was stored."));
  run = testing::run_samtryg(command);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "Stored 1 results; 1 waves added.")) << run.output;
  EXPECT_TRUE(
      contains(testing::run_samtryg("surveys list --db " + db + workspace).output, "4 waves"));

  run = testing::run_samtryg("surveys import " + table.string() + " --db " + db + workspace +
                             " --survey " + survey + " --question 9 --time År --answers Svar");
  EXPECT_EQ(run.exit_code, 2) << run.output;
}

}  // namespace
}  // namespace samtryg::surveys
