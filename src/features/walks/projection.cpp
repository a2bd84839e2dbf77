#include "features/walks/projection.hpp"

#include <proj.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace samtryg::walks {

namespace {

const char* epsg_of(CoordinateSystem system) {
  switch (system) {
    case CoordinateSystem::sweref99_tm:
      return "EPSG:3006";
    case CoordinateSystem::etrs89_utm32n:
      return "EPSG:25832";
    case CoordinateSystem::wgs84:
      break;
  }
  return "EPSG:4326";
}

}  // namespace

std::string_view code_of(CoordinateSystem system) {
  switch (system) {
    case CoordinateSystem::sweref99_tm:
      return "sweref99_tm";
    case CoordinateSystem::etrs89_utm32n:
      return "etrs89_utm32n";
    case CoordinateSystem::wgs84:
      break;
  }
  return "wgs84";
}

std::string_view display_name(CoordinateSystem system) {
  switch (system) {
    case CoordinateSystem::sweref99_tm:
      return "SWEREF 99 TM (EPSG:3006)";
    case CoordinateSystem::etrs89_utm32n:
      return "ETRS89 / UTM 32N (EPSG:25832)";
    case CoordinateSystem::wgs84:
      break;
  }
  return "WGS84 (EPSG:4326)";
}

std::optional<CoordinateSystem> system_named(std::string_view name) {
  // The number after the last ':' or the OGC name of WGS84 in longitude/latitude order.
  if (name.ends_with("CRS84")) return CoordinateSystem::wgs84;
  const auto colon = name.rfind(':');
  const auto code = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (code == "4326") return CoordinateSystem::wgs84;
  if (code == "3006") return CoordinateSystem::sweref99_tm;
  if (code == "25832") return CoordinateSystem::etrs89_utm32n;
  return std::nullopt;
}

struct ToWgs84::Proj {
  PJ_CONTEXT* context = nullptr;
  PJ* transform = nullptr;
  ~Proj() {
    if (transform != nullptr) proj_destroy(transform);
    if (context != nullptr) proj_context_destroy(context);
  }
};

ToWgs84::ToWgs84(CoordinateSystem from) : proj_(std::make_unique<Proj>()) {
  if (from == CoordinateSystem::wgs84) return;
  proj_->context = proj_context_create();
  if (proj_->context == nullptr) throw std::runtime_error("PROJ: no context");
  PJ* raw = proj_create_crs_to_crs(proj_->context, epsg_of(from), "EPSG:4326", nullptr);
  if (raw == nullptr) {
    throw std::runtime_error(std::string("PROJ cannot convert ") + epsg_of(from) +
                             " (is proj-data installed?)");
  }
  // EPSG:4326 is latitude first; GeoJSON and Leaflet's data are longitude first.
  proj_->transform = proj_normalize_for_visualization(proj_->context, raw);
  proj_destroy(raw);
  if (proj_->transform == nullptr) throw std::runtime_error("PROJ: cannot normalise axis order");
}

ToWgs84::~ToWgs84() = default;

std::optional<LonLat> ToWgs84::operator()(double x, double y) const {
  if (proj_->transform == nullptr) return LonLat{x, y};
  const PJ_COORD out = proj_trans(proj_->transform, PJ_FWD, proj_coord(x, y, 0, 0));
  if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) return std::nullopt;
  return LonLat{out.xy.x, out.xy.y};
}

}  // namespace samtryg::walks
