// `samtryg report` and `samtryg reminders send`: the real binary writes the demo round's
// compiled report and refuses what it cannot do with a sentence and exit code 2.
#include <gtest/gtest.h>

#include <fstream>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::reporting {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ReportingCli, ReportWritesTheRoundAndRefusesWhatItCannotWrite) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  ASSERT_EQ(testing::run_samtryg("demo --db " + db).exit_code, 0);
  const auto pdf = (temp.path() / "report.pdf").string();

  auto run = testing::run_samtryg("report --db " + db + " --round 1 --out " + pdf);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "wrote " + pdf)) << run.output;
  std::ifstream file(pdf, std::ios::binary);
  std::string head(5, '\0');
  file.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");

  run = testing::run_samtryg("report --db " + db + " --form 1 --format html --out -");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_TRUE(contains(run.output, "<html")) << run.output.substr(0, 200);

  run = testing::run_samtryg("report --db " + db + " --form 1 --format xlsx --out -");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "a single form is written as pdf, docx or html"));
  run = testing::run_samtryg("report --db " + db + " --round 999 --out -");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "there is no round 999")) << run.output;
  run = testing::run_samtryg("report --db " + db + " --out -");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "give --round ID or --form ID")) << run.output;
}

TEST(ReportingCli, RemindersNeedAMailServer) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  const auto run = testing::run_samtryg("reminders send --db " + db);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "set smtp_url first")) << run.output;
}

}  // namespace
}  // namespace samtryg::reporting
