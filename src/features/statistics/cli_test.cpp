// `samtryg stats convert`: the real binary reads a table and prints it as JSON-stat.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::stats {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(StatisticsCli, ConvertPrintsAnyTableAsJsonStat) {
  testing::TempDir temp;
  const auto csv = temp.file("klotter.csv", "period,klotter\n2019,88\n2020,91\n");
  auto run = testing::run_samtryg("stats convert " + csv);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, R"("version":"2.0","class":"dataset")")) << run.output;
  EXPECT_TRUE(contains(run.output, R"("value":[88,91])")) << run.output;

  // Standard input, and a PX file from Statistics Sweden with its labels in English.
  const std::string px = std::string(SAMTRYG_SOURCE_DIR) +
                         "/../shared/fixtures/px/statisticssweden-pxweb/Doublecolumn/"
                         "BE0101N1doublecol.px";
  std::ifstream file(px, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(bytes.empty()) << px;
  run = testing::run_samtryg("stats convert --lang en -", bytes);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, R"("class":"dataset")")) << run.output;
}

TEST(StatisticsCli, AFileThatIsNoTableIsBadInputNamedWithItsFile) {
  testing::TempDir temp;
  const auto file = temp.file("notes.px", "MATRIX=\"X\";\nnot a table\n");
  auto run = testing::run_samtryg("stats convert " + file);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "samtryg: " + file + ": ")) << run.output;
  run = testing::run_samtryg("stats convert /nonexistent.csv");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "cannot read /nonexistent.csv")) << run.output;
}

}  // namespace
}  // namespace samtryg::stats
