#include "features/walks/base_map.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace samtryg::walks {
namespace {

// The WGS84 positions the test files were made from (Landskrona's centre, Aalborg's
// Boulevarden); PROJ must give them back to within a few centimetres.
constexpr double kCentimetres = 1e-6;

TEST(WalkBaseMap, SwerefFilesNamingTheirSystemAreConvertedToWgs84) {
  const auto outcome =
      read_base_map(testing::source_file("tests/data/base-map-landskrona-sweref99tm.geojson"), {});
  ASSERT_EQ(outcome.problem, BaseMapProblem::none) << outcome.detail;
  EXPECT_EQ(outcome.system, CoordinateSystem::sweref99_tm);
  ASSERT_EQ(outcome.map.shapes.size(), 2U);
  EXPECT_EQ(outcome.map.skipped, 1) << "a point is not drawn";
  const auto& boundary = outcome.map.shapes[0];
  EXPECT_TRUE(boundary.area);
  EXPECT_EQ(boundary.name, "Centrum (testdata)");
  ASSERT_EQ(boundary.parts.size(), 1U);
  EXPECT_NEAR(boundary.parts[0][0].lon, 12.8200, kCentimetres);
  EXPECT_NEAR(boundary.parts[0][0].lat, 55.8650, kCentimetres);
  EXPECT_NEAR(boundary.parts[0][2].lon, 12.8420, kCentimetres);
  EXPECT_NEAR(boundary.parts[0][2].lat, 55.8760, kCentimetres);
  const auto& street = outcome.map.shapes[1];
  EXPECT_FALSE(street.area);
  EXPECT_EQ(street.name, "Storgatan (testdata)");
  EXPECT_NEAR(street.parts[0][1].lon, 12.8303, kCentimetres);
  EXPECT_NEAR(street.parts[0][1].lat, 55.8706, kCentimetres);
}

TEST(WalkBaseMap, AFileNamingNoSystemIsReadInTheChosenOne) {
  const auto text = testing::source_file("tests/data/base-map-aalborg-utm32n.geojson");
  const auto converted = read_base_map(text, CoordinateSystem::etrs89_utm32n);
  ASSERT_EQ(converted.problem, BaseMapProblem::none);
  EXPECT_NEAR(converted.map.shapes[0].parts[0][2].lon, 9.9217, kCentimetres);
  EXPECT_NEAR(converted.map.shapes[0].parts[0][2].lat, 57.0488, kCentimetres);
  // Read as WGS84 (the default without a "crs" member) its metres are off the earth.
  const auto as_degrees = read_base_map(text, {});
  EXPECT_EQ(as_degrees.problem, BaseMapProblem::out_of_range);
  EXPECT_EQ(as_degrees.detail, "555819.59, 6322771.18");
  EXPECT_TRUE(as_degrees.map.shapes.empty()) << "nothing half-read is kept";
}

TEST(WalkBaseMap, AChoiceAgainstWhatTheFileSaysIsRefused) {
  const auto text = testing::source_file("tests/data/base-map-landskrona-sweref99tm.geojson");
  const auto outcome = read_base_map(text, CoordinateSystem::etrs89_utm32n);
  EXPECT_EQ(outcome.problem, BaseMapProblem::other_system);
  EXPECT_EQ(outcome.detail, "SWEREF 99 TM (EPSG:3006)");
  EXPECT_EQ(read_base_map(text, CoordinateSystem::sweref99_tm).problem, BaseMapProblem::none);
}

TEST(WalkBaseMap, WhatIsNotAGeoJsonMapIsRefusedWithItsReason) {
  EXPECT_EQ(read_base_map("<kml/>", {}).problem, BaseMapProblem::not_json);
  EXPECT_EQ(read_base_map(R"({"type":"Topology"})", {}).problem, BaseMapProblem::not_geojson);
  EXPECT_EQ(read_base_map(R"({"type":"LineString","coordinates":[[12.8,55.8]]})", {}).problem,
            BaseMapProblem::not_geojson)
      << "a line needs two positions";
  EXPECT_EQ(read_base_map(R"({"type":"LineString","coordinates":[[12.8,"x"],[1,2]]})", {}).problem,
            BaseMapProblem::not_geojson);
  EXPECT_EQ(read_base_map(R"({"type":"Point","coordinates":[12.8,55.8]})", {}).problem,
            BaseMapProblem::no_shapes);
  const auto unknown = read_base_map(
      R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[]})",
      {});
  EXPECT_EQ(unknown.problem, BaseMapProblem::unknown_system);
  EXPECT_EQ(unknown.detail, "EPSG:3857");
  EXPECT_EQ(read_base_map(std::string(kMaxBaseMapBytes + 1, ' '), {}).problem,
            BaseMapProblem::too_large);
}

TEST(WalkBaseMap, TooManyPositionsAreRefused) {
  std::string line = R"({"type":"LineString","coordinates":[)";
  for (int i = 0; i <= kMaxBaseMapPositions; ++i)
    line += (i == 0 ? "" : ",") + std::string("[12.8,55.8]");
  line += "]}";
  EXPECT_EQ(read_base_map(line, {}).problem, BaseMapProblem::too_large);
}

TEST(WalkBaseMap, TheKeptMapIsCompactWgs84GeoJsonThatReadsBackTheSame) {
  const auto outcome =
      read_base_map(testing::source_file("tests/data/base-map-landskrona-sweref99tm.geojson"), {});
  const auto kept = to_geojson(outcome.map);
  EXPECT_NE(kept.find(R"("type":"Polygon")"), std::string::npos);
  EXPECT_NE(kept.find(R"("type":"MultiLineString")"), std::string::npos);
  EXPECT_NE(kept.find(R"j("name":"Storgatan (testdata)")j"), std::string::npos);
  EXPECT_NE(kept.find("[12.820000,55.865000]"), std::string::npos) << kept;
  const auto again = read_base_map(kept, {});
  ASSERT_EQ(again.problem, BaseMapProblem::none);
  EXPECT_EQ(again.map.shapes.size(), 2U);
  EXPECT_EQ(to_geojson(again.map), kept);
}

}  // namespace
}  // namespace samtryg::walks
