#include "features/walks/base_map.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/util/crypto.hpp"

#include <cmath>

namespace samtryg::walks {

namespace {

namespace json = boost::json;

// Thrown inside the reader; read_base_map turns it into the outcome.
struct Refused {
  BaseMapProblem problem;
  std::string detail;
};

class Reader {
 public:
  Reader(const ToWgs84& convert, BaseMap& map) : convert_(convert), map_(map) {}

  void any(const json::value& value) {
    const auto* object = value.if_object();
    if (object == nullptr) throw Refused{BaseMapProblem::not_geojson, {}};
    const auto type = text(*object, "type");
    if (type == "FeatureCollection") {
      const auto* features = array_at(*object, "features");
      for (const auto& feature : *features) any(feature);
    } else if (type == "Feature") {
      name_ = feature_name(*object);
      if (const auto* geometry = object->if_contains("geometry");
          geometry != nullptr && !geometry->is_null()) {
        any(*geometry);
      }
    } else if (type == "GeometryCollection") {
      for (const auto& geometry : *array_at(*object, "geometries")) any(geometry);
    } else {
      this->geometry(type, *object);
    }
  }

 private:
  static std::string text(const json::object& object, std::string_view key) {
    const auto* found = object.if_contains(key);
    if (found == nullptr || !found->is_string()) return {};
    return std::string(found->get_string());
  }

  static const json::array* array_at(const json::object& object, std::string_view key) {
    const auto* found = object.if_contains(key);
    if (found == nullptr || !found->is_array()) throw Refused{BaseMapProblem::not_geojson, {}};
    return &found->get_array();
  }

  // Swedish and Danish files name their features in their own words.
  static std::string feature_name(const json::object& feature) {
    const auto* properties = feature.if_contains("properties");
    if (properties == nullptr || !properties->is_object()) return {};
    for (const auto* key : {"name", "namn", "navn", "NAMN", "NAVN", "Name"}) {
      auto found = text(properties->get_object(), key);
      if (!found.empty()) return found.substr(0, 200);
    }
    return {};
  }

  void geometry(const std::string& type, const json::object& object) {
    if (type == "Point" || type == "MultiPoint") {
      ++map_.skipped;
      return;
    }
    const auto* coordinates = array_at(object, "coordinates");
    if (type == "LineString") {
      line_shape({coordinates});
    } else if (type == "MultiLineString") {
      line_shape(arrays(*coordinates));
    } else if (type == "Polygon") {
      area_shape(*coordinates);
    } else if (type == "MultiPolygon") {
      for (const auto& polygon : *coordinates) area_shape(as_array(polygon));
    } else {
      throw Refused{BaseMapProblem::not_geojson, {}};
    }
  }

  static const json::array& as_array(const json::value& value) {
    if (!value.is_array()) throw Refused{BaseMapProblem::not_geojson, {}};
    return value.get_array();
  }

  static std::vector<const json::array*> arrays(const json::array& values) {
    std::vector<const json::array*> out;
    for (const auto& value : values) out.push_back(&as_array(value));
    return out;
  }

  void line_shape(const std::vector<const json::array*>& lines) {
    BaseMapShape shape{.area = false, .parts = {}, .name = name_};
    for (const auto* line : lines) shape.parts.push_back(positions(*line, 2));
    map_.shapes.push_back(std::move(shape));
  }

  void area_shape(const json::array& rings) {
    BaseMapShape shape{.area = true, .parts = {}, .name = name_};
    for (const auto& ring : rings) shape.parts.push_back(positions(as_array(ring), 4));
    if (shape.parts.empty()) throw Refused{BaseMapProblem::not_geojson, {}};
    map_.shapes.push_back(std::move(shape));
  }

  static double number(const json::value& value) {
    if (value.is_double()) return value.get_double();
    if (value.is_int64()) return static_cast<double>(value.get_int64());
    if (value.is_uint64()) return static_cast<double>(value.get_uint64());
    throw Refused{BaseMapProblem::not_geojson, {}};
  }

  std::vector<LonLat> positions(const json::array& values, std::size_t at_least) {
    if (values.size() < at_least) throw Refused{BaseMapProblem::not_geojson, {}};
    std::vector<LonLat> out;
    out.reserve(values.size());
    for (const auto& value : values) {
      const auto& position = as_array(value);
      if (position.size() < 2) throw Refused{BaseMapProblem::not_geojson, {}};
      if (++map_.positions > kMaxBaseMapPositions) throw Refused{BaseMapProblem::too_large, {}};
      const double x = number(position[0]);
      const double y = number(position[1]);
      const auto converted = convert_(x, y);
      if (!converted || std::abs(converted->lon) > 180 || std::abs(converted->lat) > 90) {
        throw Refused{BaseMapProblem::out_of_range, fmt::format("{}, {}", x, y)};
      }
      out.push_back(*converted);
    }
    return out;
  }

  const ToWgs84& convert_;
  BaseMap& map_;
  std::string name_;
};

// The system a GeoJSON file of the 2008 specification names in its "crs" member (QGIS still
// writes it for anything but WGS84); RFC 7946 files name none and are WGS84.
std::optional<CoordinateSystem> declared_system(const json::value& root, std::string& name) {
  const auto* object = root.if_object();
  if (object == nullptr) return CoordinateSystem::wgs84;
  const auto* crs = object->if_contains("crs");
  if (crs == nullptr || !crs->is_object()) return CoordinateSystem::wgs84;
  const auto* properties = crs->get_object().if_contains("properties");
  if (properties == nullptr || !properties->is_object()) return CoordinateSystem::wgs84;
  const auto* found = properties->get_object().if_contains("name");
  if (found == nullptr || !found->is_string()) return CoordinateSystem::wgs84;
  name = std::string(found->get_string());
  return system_named(name);
}

std::string positions_json(const std::vector<LonLat>& part) {
  std::string out = "[";
  for (const auto& position : part) {
    if (out.size() > 1) out += ',';
    out += fmt::format("[{:.6f},{:.6f}]", position.lon, position.lat);
  }
  return out + "]";
}

}  // namespace

std::string_view problem_code(BaseMapProblem problem) {
  switch (problem) {
    case BaseMapProblem::too_large:
      return "too_large";
    case BaseMapProblem::not_json:
      return "not_json";
    case BaseMapProblem::not_geojson:
      return "not_geojson";
    case BaseMapProblem::unknown_system:
      return "unknown_system";
    case BaseMapProblem::other_system:
      return "other_system";
    case BaseMapProblem::out_of_range:
      return "out_of_range";
    case BaseMapProblem::no_shapes:
      return "no_shapes";
    case BaseMapProblem::none:
      break;
  }
  return "none";
}

BaseMapOutcome read_base_map(std::string_view text, std::optional<CoordinateSystem> chosen) {
  BaseMapOutcome outcome;
  if (text.size() > kMaxBaseMapBytes) {
    outcome.problem = BaseMapProblem::too_large;
    return outcome;
  }
  boost::system::error_code error;
  const auto root = json::parse(text, error);
  if (error) {
    outcome.problem = BaseMapProblem::not_json;
    return outcome;
  }
  std::string named;
  const auto declared = declared_system(root, named);
  if (!declared) {
    outcome.problem = BaseMapProblem::unknown_system;
    outcome.detail = named;
    return outcome;
  }
  if (chosen && !named.empty() && *chosen != *declared) {
    outcome.problem = BaseMapProblem::other_system;
    outcome.detail = display_name(*declared);
    return outcome;
  }
  outcome.system = chosen.value_or(*declared);
  try {
    const ToWgs84 convert(outcome.system);
    Reader(convert, outcome.map).any(root);
  } catch (const Refused& refused) {
    outcome.problem = refused.problem;
    outcome.detail = refused.detail;
    outcome.map = {};
    return outcome;
  }
  if (outcome.map.shapes.empty()) outcome.problem = BaseMapProblem::no_shapes;
  return outcome;
}

KeptFile keep(const BaseMapOutcome& outcome) {
  KeptFile file{.kept = {}, .geojson = to_geojson(outcome.map)};
  file.kept.source_system = std::string(code_of(outcome.system));
  file.kept.shapes = static_cast<int>(outcome.map.shapes.size());
  file.kept.positions = outcome.map.positions;
  file.kept.sha256 = crypto::sha256_hex(file.geojson);
  return file;
}

std::string to_geojson(const BaseMap& map) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  bool first = true;
  for (const auto& shape : map.shapes) {
    if (!first) out += ',';
    first = false;
    out += R"({"type":"Feature","properties":{"name":)";
    out += json::serialize(json::string(shape.name));
    out += shape.area ? R"(},"geometry":{"type":"Polygon","coordinates":[)"
                      : R"(},"geometry":{"type":"MultiLineString","coordinates":[)";
    bool first_part = true;
    for (const auto& part : shape.parts) {
      if (!first_part) out += ',';
      first_part = false;
      out += positions_json(part);
    }
    out += "]}}";
  }
  return out + "]}";
}

}  // namespace samtryg::walks
