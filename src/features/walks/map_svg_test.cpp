#include "features/walks/map_svg.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace samtryg::walks {
namespace {

Finding at(int number, std::optional<double> latitude, std::optional<double> longitude) {
  Finding finding;
  finding.number = number;
  finding.latitude = latitude;
  finding.longitude = longitude;
  return finding;
}

TEST(WalkMap, RoundDistancesForTheScaleBar) {
  EXPECT_EQ(round_distance(137), 100);
  EXPECT_EQ(round_distance(260), 200);
  EXPECT_EQ(round_distance(999), 500);
  EXPECT_EQ(round_distance(1000), 1000);
  EXPECT_EQ(round_distance(0), 0);
}

TEST(WalkMap, FindingsAreDrawnToScaleWithAScaleBarAndNorth) {
  EXPECT_FALSE(findings_map_svg({at(1, std::nullopt, std::nullopt)}));
  // Karlslund and Saluhallstorget in Landskrona, about 700 m apart.
  const auto svg = findings_map_svg(
      {at(1, 55.8738, 12.8386), at(2, 55.8705, 12.8305), at(3, std::nullopt, std::nullopt)});
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->find(">1</text>"), std::string::npos);
  EXPECT_NE(svg->find(">2</text>"), std::string::npos);
  EXPECT_EQ(svg->find(">3</text>"), std::string::npos) << "a place in words is not on the map";
  EXPECT_NE(svg->find(">N</text>"), std::string::npos);
  EXPECT_TRUE(std::regex_search(*svg, std::regex(R"(>\d+ m</text>)"))) << *svg;
  // East is right: finding 1 lies east of finding 2.
  std::smatch first;
  std::smatch second;
  ASSERT_TRUE(std::regex_search(*svg, first, std::regex(R"re(<circle cx="([\d.]+)")re")));
  const auto rest = first.suffix().str();
  ASSERT_TRUE(std::regex_search(rest, second, std::regex(R"re(<circle cx="([\d.]+)")re")));
  EXPECT_GT(std::stod(first[1]), std::stod(second[1]));
}

}  // namespace
}  // namespace samtryg::walks
