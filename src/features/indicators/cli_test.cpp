// `samtryg values import`: the real binary previews a table's values, stores them once, and
// refuses a mapping that names what does not exist, storing nothing.
#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::indicators {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(IndicatorsCli, ValuesImportPreviewsStoresAndUpdatesInsteadOfDuplicating) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  ASSERT_EQ(testing::run_samtryg("demo --db " + db).exit_code, 0);
  const auto table = temp.file("klotter.csv", "period,klotter\n2019,88\n2020,91\n");
  const auto mapping = temp.file(
      "map.json",
      R"({"time": "period", "series": [{"indicator": "Klottersaneringsinsatser per år"}]})");
  // The Landskrona agreement's indicator, in its own demo workspace.
  const std::string landskrona =
      " --workspace 'Trygghet i Landskrona – Landskrona stad och Polisen'";
  const auto import =
      "values import " + table + " --mapping " + mapping + " --db " + db + landskrona;

  auto run = testing::run_samtryg(import + " --dry-run");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "2 cells selected, 2 values to store.")) << run.output;
  EXPECT_TRUE(contains(run.output, "  2020  -  91")) << run.output;
  EXPECT_TRUE(contains(run.output, "Dry run: nothing was stored.")) << run.output;

  run = testing::run_samtryg(import);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "Stored: 2 new, 0 updated, 0 unchanged")) << run.output;
  run = testing::run_samtryg(import);
  EXPECT_TRUE(contains(run.output, "Stored: 0 new, 0 updated, 2 unchanged")) << run.output;

  const auto unknown =
      temp.file("unknown.json", R"({"time": "period", "series": [{"indicator": "Nope"}]})");
  run = testing::run_samtryg("values import " + table + " --mapping " + unknown + " --db " + db +
                             landskrona);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "$.series[0].indicator: There is no indicator with that name"))
      << run.output;
  EXPECT_TRUE(contains(run.output, "nothing was stored")) << run.output;

  run = testing::run_samtryg("values import " + table + " --mapping " + mapping + " --db " + db +
                             " --workspace Nowhere");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "there is no workspace \"Nowhere\"")) << run.output;
}

}  // namespace
}  // namespace samtryg::indicators
