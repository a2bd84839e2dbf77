#include "core/web/fragment_cache.hpp"

#include <gtest/gtest.h>

namespace samtryg::web {
namespace {

std::shared_ptr<const Fragment> fragment(std::string body) {
  return std::make_shared<const Fragment>(Fragment{"title", std::move(body)});
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
  EXPECT_EQ(cache.find("a")->body, "short");
}

TEST(FragmentCache, MarkersBecomeTheRequestersToken) {
  std::string out = "<p>";
  const std::string body =
      std::string("<input value=\"") + std::string(kCsrfMarker) + "\">" + std::string(kCsrfMarker);
  append_with_csrf(out, body, "TOKEN");
  EXPECT_EQ(out, "<p><input value=\"TOKEN\">TOKEN");
}

}  // namespace
}  // namespace samtryg::web
