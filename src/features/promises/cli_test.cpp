// `samtryg promises list` through the real binary on the demo: Landskrona's promise, public,
// partly kept at its last follow-up.
#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::promises {
namespace {

TEST(PromisesCli, ListsTheDemoPromiseWithItsLatestStatus) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  ASSERT_EQ(testing::run_samtryg("demo --db " + db).exit_code, 0);
  auto run =
      testing::run_samtryg("promises list --db " + db +
                           " --workspace 'Trygghet i Landskrona – Landskrona stad och Polisen'");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("1\t2016-04-01–2016-12-31\tpublic\tpartly_kept\t0 subscribers\t"
                            "Fler poliser till fots i centrum på kvällar och helgnätter"),
            std::string::npos)
      << run.output;
  run = testing::run_samtryg("promises list --db " + db + " --workspace 'Ingen sådan'");
  EXPECT_EQ(run.exit_code, 2) << run.output;
}

}  // namespace
}  // namespace samtryg::promises
