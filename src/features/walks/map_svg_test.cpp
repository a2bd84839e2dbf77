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

TEST(WalkMap, TheRouteAndTheAreaAreDrawnEvenBeforeAnyFinding) {
  Walk walk;
  EXPECT_FALSE(findings_map_svg({}, nullptr, &walk));
  walk.route_line = {{55.8705, 12.8305}, {55.8738, 12.8386}};
  walk.area_outline = {{55.869, 12.829}, {55.875, 12.829}, {55.875, 12.840}};
  const auto svg = findings_map_svg({}, nullptr, &walk);
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->find(R"(stroke-dasharray="8 6")"), std::string::npos) << "the route";
  EXPECT_NE(svg->find(R"(Z" fill="#f2c48d")"), std::string::npos) << "the area, closed";
  EXPECT_EQ(svg->find("<circle"), std::string::npos);
}

TEST(WalkMap, TheBaseMapIsDrawnWhereItMeetsTheView) {
  BaseMap base;
  base.shapes.push_back({.area = true,
                         .parts = {{{12.820, 55.865}, {12.842, 55.865}, {12.842, 55.876}}},
                         .name = "Centrum"});
  base.shapes.push_back(
      {.area = false, .parts = {{{9.91, 57.04}, {9.92, 57.05}}}, .name = "Boulevarden, Aalborg"});
  const auto svg = findings_map_svg({at(1, 55.8705, 12.8305)}, &base);
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->find(R"(fill="#e3e9e3")"), std::string::npos) << "Landskrona's centre";
  EXPECT_EQ(svg->find(R"(stroke="#c4cbc4")"), std::string::npos) << "Aalborg is far off the view";
  const auto whole = base_map_svg(base);
  EXPECT_NE(whole.find(R"(stroke="#c4cbc4")"), std::string::npos) << "the preview shows it all";
}

}  // namespace
}  // namespace samtryg::walks
