#include "features/walks/outline.hpp"

#include <gtest/gtest.h>

#include "features/walks/model.hpp"

namespace samtryg::walks {
namespace {

TEST(WalkOutline, PositionsAreReadAsPeopleCopyThem) {
  const auto parsed = parse_positions(
      "55.8705, 12.8305\n"
      "55,8710 12,8310\n"
      "\n"
      "55.8720,12.8320\r\n"
      "  55.8730;12.8330  ");
  ASSERT_EQ(parsed.bad_line, 0);
  ASSERT_EQ(parsed.positions.size(), 4U);
  EXPECT_DOUBLE_EQ(parsed.positions[1].latitude, 55.8710);
  EXPECT_DOUBLE_EQ(parsed.positions[1].longitude, 12.8310);
  EXPECT_DOUBLE_EQ(parsed.positions[2].longitude, 12.8320);
  EXPECT_DOUBLE_EQ(parsed.positions[3].latitude, 55.8730);
  EXPECT_TRUE(parse_positions("").positions.empty());
}

TEST(WalkOutline, TheFirstLineThatIsNotAPositionIsNamed) {
  EXPECT_EQ(parse_positions("55.8705, 12.8305\nRådhustorget").bad_line, 2);
  EXPECT_EQ(parse_positions("55.8705").bad_line, 1);
  EXPECT_EQ(parse_positions("55,8705,12,8305").bad_line, 1) << "which comma separates?";
  EXPECT_EQ(parse_positions("55.8705 12.8305 3").bad_line, 1);
  EXPECT_TRUE(parse_positions("1 2\nx").positions.empty()) << "nothing half-read";
}

TEST(WalkOutline, TheKeptTextReadsBackTheSame) {
  const std::vector<Position> positions{{55.8705, 12.8305}, {-33.5, -70.25}};
  const auto text = positions_text(positions);
  EXPECT_EQ(text, "55.870500, 12.830500\n-33.500000, -70.250000");
  const auto again = parse_positions(text);
  ASSERT_EQ(again.positions.size(), 2U);
  EXPECT_DOUBLE_EQ(again.positions[1].longitude, -70.25);
}

TEST(WalkOutline, ARouteNeedsTwoPositionsAnAreaThreeAllOnTheEarth) {
  Walk walk;
  walk.area = "Centrum";
  walk.year = 2016;
  EXPECT_TRUE(validate_walk(walk).empty());
  walk.route_line = {{55.87, 12.83}};
  walk.area_outline = {{55.87, 12.83}, {55.88, 12.84}};
  auto errors = validate_walk(walk);
  ASSERT_NE(errors.for_field("route_line"), nullptr);
  EXPECT_EQ(errors.for_field("route_line")->message_key, "walk_outline_too_short");
  ASSERT_NE(errors.for_field("area_outline"), nullptr);
  EXPECT_EQ(errors.for_field("area_outline")->message_key, "walk_outline_too_short");
  walk.route_line = {{55.87, 12.83}, {91, 12.84}};
  walk.area_outline = {{55.87, 12.83}, {55.88, 12.84}, {55.88, 12.83}};
  errors = validate_walk(walk);
  EXPECT_EQ(errors.for_field("route_line")->message_key, "walk_outline_off_earth");
  EXPECT_EQ(errors.for_field("area_outline"), nullptr);
  walk.route_line.assign(kMaxOutlinePositions + 1, Position{55.87, 12.83});
  EXPECT_EQ(validate_walk(walk).for_field("route_line")->message_key, "walk_outline_too_long");
}

}  // namespace
}  // namespace samtryg::walks
