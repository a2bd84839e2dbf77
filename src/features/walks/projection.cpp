#include "features/walks/projection.hpp"

#include <proj.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace samtryg::walks {

namespace {

// Each system once: its code (forms, the database), its EPSG number (PROJ, files' "crs"
// members) and the name GIS programs show.
struct Known {
  CoordinateSystem system;
  std::string_view code;
  std::string_view epsg;  // the number alone
  std::string_view display;
};
constexpr Known kKnown[] = {
    {CoordinateSystem::wgs84, "wgs84", "4326", "WGS84 (EPSG:4326)"},
    {CoordinateSystem::sweref99_tm, "sweref99_tm", "3006", "SWEREF 99 TM (EPSG:3006)"},
    {CoordinateSystem::etrs89_utm32n, "etrs89_utm32n", "25832", "ETRS89 / UTM 32N (EPSG:25832)"},
};

const Known& known(CoordinateSystem system) {
  for (const auto& each : kKnown) {
    if (each.system == system) return each;
  }
  return kKnown[0];
}

}  // namespace

std::string_view code_of(CoordinateSystem system) {
  return known(system).code;
}

std::string_view display_name(CoordinateSystem system) {
  return known(system).display;
}

std::optional<CoordinateSystem> system_of_code(std::string_view code) {
  for (const auto& each : kKnown) {
    if (each.code == code) return each.system;
  }
  return std::nullopt;
}

std::optional<CoordinateSystem> system_named(std::string_view name) {
  // The number after the last ':' or the OGC name of WGS84 in longitude/latitude order.
  if (name.ends_with("CRS84")) return CoordinateSystem::wgs84;
  const auto colon = name.rfind(':');
  const auto number = colon == std::string_view::npos ? name : name.substr(colon + 1);
  for (const auto& each : kKnown) {
    if (each.epsg == number) return each.system;
  }
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
  const auto source = "EPSG:" + std::string(known(from).epsg);
  PJ* raw = proj_create_crs_to_crs(proj_->context, source.c_str(), "EPSG:4326", nullptr);
  if (raw == nullptr) {
    throw std::runtime_error("PROJ cannot convert " + source + " (is proj-data installed?)");
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
