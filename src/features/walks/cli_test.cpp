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

}  // namespace
}  // namespace samtryg::walks
