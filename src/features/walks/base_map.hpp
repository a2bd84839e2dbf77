#pragma once
// The municipality's own base map: its boundary and main streets, uploaded by an admin as
// GeoJSON and drawn under the findings when no tile server is used (on the walk page and in the
// walk report). Files in SWEREF 99 TM or ETRS89 / UTM 32N are converted to WGS84 once, on
// upload; what is kept is plain WGS84 GeoJSON with only the lines, the areas and their names.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/walks/projection.hpp"

namespace samtryg::walks {

inline constexpr std::size_t kMaxBaseMapBytes = 10U << 20U;  // 10 MB
inline constexpr int kMaxBaseMapPositions = 200'000;

// One line (a street), or one area (the boundary: its outer ring and any holes).
struct BaseMapShape {
  bool area = false;
  std::vector<std::vector<LonLat>> parts;  // the lines, or the area's rings
  std::string name;
};

struct BaseMap {
  std::vector<BaseMapShape> shapes;
  int positions = 0;
  int skipped = 0;  // points and other geometries a base map does not draw
};

// Why an upload is refused; the catalog key of each is "walk_base_map_" + its name.
enum class BaseMapProblem {
  none,
  too_large,       // over 10 MB or 200,000 positions
  not_json,        // not JSON at all
  not_geojson,     // JSON, but no GeoJSON object or a malformed geometry
  unknown_system,  // the file names a coordinate system other than the three (detail: its name)
  other_system,    // the file names another of the three than the one chosen (detail: its name)
  out_of_range,    // a position that is not on the earth once converted (detail: the position)
  no_shapes,       // no line and no area in it
};
std::string_view problem_code(BaseMapProblem problem);
inline constexpr std::string_view kBaseMapProblems[] = {
    "too_large",    "not_json",     "not_geojson", "unknown_system",
    "other_system", "out_of_range", "no_shapes"};
// What the upload form offers: what the file says, or one of the three systems by its code.
inline constexpr std::string_view kBaseMapSystemChoices[] = {"file", "wgs84", "sweref99_tm",
                                                             "etrs89_utm32n"};

struct BaseMapOutcome {
  BaseMapProblem problem = BaseMapProblem::none;
  std::string detail;
  CoordinateSystem system = CoordinateSystem::wgs84;  // what the file was read in
  BaseMap map;
};

// What is known of a kept base map besides its shapes.
struct KeptBaseMap {
  std::string source_system{};  // code_of(CoordinateSystem) of the uploaded file
  int shapes = 0;
  int positions = 0;
  std::string sha256{};  // of the kept GeoJSON: its ETag
  std::string uploaded_by{};
  std::string uploaded_at{};
};

// Reads a FeatureCollection, a Feature or a bare geometry. `chosen`: the system the admin says
// the file is in; nothing: the one its "crs" member names, WGS84 when it names none.
BaseMapOutcome read_base_map(std::string_view text, std::optional<CoordinateSystem> chosen);

// What is kept of a map read without a problem: the GeoJSON (to_geojson) and what is known of
// it, uploader and time left to the caller.
struct KeptFile {
  KeptBaseMap kept;
  std::string geojson;
};
KeptFile keep(const BaseMapOutcome& outcome);

// The map as WGS84 GeoJSON: a FeatureCollection of Polygon and MultiLineString features with a
// "name" property, positions to six decimals (about 10 cm).
std::string to_geojson(const BaseMap& map);

}  // namespace samtryg::walks
