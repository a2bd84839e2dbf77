// `samtryg dialogues list` through the real binary on the demo: Landskrona's dialogues of 2016.
#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::dialogues {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(DialoguesCli, ListsTheDemoDialogues) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  ASSERT_EQ(testing::run_samtryg("demo --db " + db).exit_code, 0);
  const auto run =
      testing::run_samtryg("dialogues list --db " + db +
                           " --workspace 'Trygghet i Landskrona – Landskrona stad och Polisen'");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output,
                       "2016-03-12\tstreet_stand\tpublished\tMedborgardialog på "
                       "Rådhustorget\t85 participants\t3 themes"))
      << run.output;
  EXPECT_TRUE(contains(run.output, "\tdraft\tDialog efter trygghetsvandringen i centrum"))
      << run.output;
}

}  // namespace
}  // namespace samtryg::dialogues
