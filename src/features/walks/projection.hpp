#pragma once
// The coordinate systems a municipality's map files come in, turned into WGS84 longitude and
// latitude by PROJ (libproj, Debian's proj-data holds the EPSG definitions). Sweden's
// authorities publish in SWEREF 99 TM (EPSG:3006), Denmark's in ETRS89 / UTM zone 32N
// (EPSG:25832); web maps and GPS use WGS84 (EPSG:4326).
#include <memory>
#include <optional>
#include <string_view>

namespace samtryg::walks {

enum class CoordinateSystem { wgs84, sweref99_tm, etrs89_utm32n };

// The catalog and form code of each: "wgs84", "sweref99_tm", "etrs89_utm32n".
std::string_view code_of(CoordinateSystem system);
// The system of a code; nothing for any other text.
std::optional<CoordinateSystem> system_of_code(std::string_view code);
// Its name as GIS programs show it, the same in every language: "SWEREF 99 TM (EPSG:3006)".
std::string_view display_name(CoordinateSystem system);
// The EPSG code a file names, as "EPSG:3006", "urn:ogc:def:crs:EPSG::3006" or
// "urn:ogc:def:crs:OGC:1.3:CRS84"; nothing for any other system.
std::optional<CoordinateSystem> system_named(std::string_view name);

struct LonLat {
  double lon = 0;
  double lat = 0;
};

// Turns easting/northing (or longitude/latitude) of one system into WGS84. Not shared between
// threads: each conversion makes its own.
class ToWgs84 {
 public:
  explicit ToWgs84(CoordinateSystem from);
  ~ToWgs84();
  ToWgs84(const ToWgs84&) = delete;
  ToWgs84& operator=(const ToWgs84&) = delete;

  // Nothing when PROJ cannot place the point (far outside the system's area).
  std::optional<LonLat> operator()(double x, double y) const;

 private:
  struct Proj;
  std::unique_ptr<Proj> proj_;
};

}  // namespace samtryg::walks
