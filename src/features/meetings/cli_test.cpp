// `samtryg meetings list` through the real binary on the demo: Aalborg's local council in 2014.
#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::meetings {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(MeetingsCli, ListsTheDemoMeetings) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  ASSERT_EQ(testing::run_samtryg("demo --db " + db).exit_code, 0);
  const auto run = testing::run_samtryg("meetings list --db " + db +
                                        " --workspace 'Tryg Aalborg – en mere tryg kommune'");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output,
                       "2014-01-22T14:00\theld\tOrdinært møde i Lokalrådet, 1. kvartal 2014\t3 "
                       "items\t2 decisions"))
      << run.output;
}

}  // namespace
}  // namespace samtryg::meetings
