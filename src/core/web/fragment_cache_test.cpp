#include "core/web/fragment_cache.hpp"

#include <gtest/gtest.h>

namespace samtryg::web {
namespace {

std::shared_ptr<const Fragment> fragment(const std::string& body) {
  return std::make_shared<const Fragment>(fragment_of("title", body));
}

TEST(FragmentCache, KeepsTheMostRecentlyUsedWithinItsBudget) {
  FragmentCache cache(100);
  cache.store("a", fragment(std::string(30, 'a')));
  cache.store("b", fragment(std::string(30, 'b')));
  ASSERT_TRUE(cache.find("a"));  // "a" is now the most recent
  cache.store("c", fragment(std::string(30, 'c')));
  EXPECT_TRUE(cache.find("a"));
  EXPECT_FALSE(cache.find("b"));
  EXPECT_TRUE(cache.find("c"));
  EXPECT_LE(cache.bytes(), 100U);
  cache.store("a", fragment("short"));
  EXPECT_EQ(cache.find("a")->pieces.at(0).text, "short");
}

TEST(FragmentCache, TheTokenGoesOnlyWhereTheTemplatePutItsSlot) {
  const auto slot = std::string(csrf_slot());
  EXPECT_GE(slot.size(), 30U) << "long and random: nobody can guess it";
  EXPECT_NE(slot, std::string(content_slot()));
  const auto kept = fragment_of("title", "<input value=\"" + slot + "\"><main>" +
                                             std::string(content_slot()) + "</main>" + slot);
  std::string out = "<p>";
  kept.append_to(out, "TOKEN", "PAGE");
  EXPECT_EQ(out, "<p><input value=\"TOKEN\"><main>PAGE</main>TOKEN");
  // The content is put in as it is: a slot inside it (from stored text) is not filled.
  out.clear();
  kept.append_to(out, "TOKEN", "link?t=" + slot);
  EXPECT_EQ(out.find("link?t=TOKEN"), std::string::npos);
}

}  // namespace
}  // namespace samtryg::web
