#include "core/view/word_diff.hpp"

#include <gtest/gtest.h>

namespace samtryg::view {
namespace {

TEST(WordDiff, MarksOnlyTheWordsThatChanged) {
  EXPECT_EQ(word_diff_html("Vi holdt 12 møder i 2017.", "Vi holdt 14 møder i 2017."),
            "Vi holdt <del>12</del><ins>14</ins> møder i 2017.");
  EXPECT_EQ(word_diff_html("uændret tekst", "uændret tekst"), "uændret tekst");
  EXPECT_EQ(word_diff_html("", "ny"), "<ins>ny</ins>");
  EXPECT_EQ(word_diff_html("gammel", ""), "<del>gammel</del>");
}

TEST(WordDiff, AChangedLinkStandsOutAndEverythingIsEscaped) {
  EXPECT_EQ(
      word_diff_html("Se [siden](https://tryg.aalborg.dk/a)",
                     "Se [siden](https://tryg.aalborg.dk/b) <script>"),
      "Se <del>[siden](https://tryg.aalborg.dk/a)</del><ins>[siden](https://tryg.aalborg.dk/b)"
      " &lt;script&gt;</ins>");
}

}  // namespace
}  // namespace samtryg::view
