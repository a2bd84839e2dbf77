// `samtryg walks list` and `samtryg walks report` through the real binary on the demo: the
// Landskrona walk of 2016 and its report read back by pdftotext.
#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::walks {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(WalksCli, ListsTheDemoWalkAndWritesItsReport) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  ASSERT_EQ(testing::run_samtryg("demo --db " + db).exit_code, 0);
  const std::string landskrona =
      " --workspace 'Trygghet i Landskrona – Landskrona stad och Polisen'";
  auto run = testing::run_samtryg("walks list --db " + db + landskrona);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "2016-04-20\tpublished\tCentrum – Norra Långgatan spring 2016"))
      << run.output;
  EXPECT_TRUE(contains(run.output, "4 findings")) << run.output;

  const auto pdf = temp.path() / "walk.pdf";
  run = testing::run_samtryg("walks report 1 --format pdf --db " + db + landskrona + " > " +
                             pdf.string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto text = testing::run_command("pdftotext -enc UTF-8 " + pdf.string() + " -");
  EXPECT_TRUE(contains(text.output, "Trygghetsvandring")) << text.output;
  EXPECT_TRUE(contains(text.output, "Gångvägen genom Karlslundsområdet")) << text.output;
  EXPECT_TRUE(contains(text.output, "Karta över iakttagelserna")) << text.output;

  run = testing::run_samtryg("walks report 99 --db " + db + landskrona);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "there is no walk 99")) << run.output;
}

TEST(WalksCli, StoresABaseMapThatTheWalkReportDrawsUnderTheFindings) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  ASSERT_EQ(testing::run_samtryg("demo --db " + db).exit_code, 0);
  const std::string landskrona =
      " --workspace 'Trygghet i Landskrona – Landskrona stad och Polisen'";
  const std::string data = std::string(SAMTRYG_SOURCE_DIR) + "/tests/data/";
  auto run = testing::run_samtryg("walks base-map " + data +
                                  "base-map-aalborg-utm32n.geojson --db " + db + landskrona);
  EXPECT_EQ(run.exit_code, 2) << "metres read as degrees";
  EXPECT_TRUE(contains(run.output, "nothing was stored")) << run.output;
  auto report = testing::run_samtryg("walks report 1 --format html --db " + db + landskrona);
  EXPECT_FALSE(contains(report.output, "#e3e9e3")) << "no base map yet";

  run = testing::run_samtryg("walks base-map " + data +
                             "base-map-landskrona-sweref99tm.geojson --db " + db + landskrona);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "2 lines and areas, 8 points, from sweref99_tm")) << run.output;
  report = testing::run_samtryg("walks report 1 --format html --db " + db + landskrona);
  ASSERT_EQ(report.exit_code, 0);
  EXPECT_TRUE(contains(report.output, "fill=\"#e3e9e3\"")) << "the boundary under the findings";

  // The base map travels with the workspace document, and another database draws it the same.
  const auto document = temp.path() / "landskrona.json";
  ASSERT_EQ(
      testing::run_samtryg("export --db " + db + landskrona + " > " + document.string()).exit_code,
      0);
  const auto copy = "sqlite:" + (temp.path() / "copy.db").string();
  run = testing::run_samtryg("import --db " + copy + " " + document.string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  report = testing::run_samtryg("walks report 1 --format html --db " + copy + landskrona);
  ASSERT_EQ(report.exit_code, 0) << report.output;
  EXPECT_TRUE(contains(report.output, "fill=\"#e3e9e3\"")) << "the imported base map";
}

}  // namespace
}  // namespace samtryg::walks
