#include "features/walks/map_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace samtryg::walks {

namespace {

constexpr double kWidth = 640;
constexpr double kHeight = 420;
// Wide enough that no marker covers the north arrow (top right) or the scale bar (bottom left).
constexpr double kMargin = 72;
constexpr double kMetresPerDegree = 111'320;  // along a meridian, near enough for a town
// At least 200 m across, so one finding or a few close together are not drawn at street scale.
constexpr double kLeastSpan = 200;

struct Metres {
  double x = 0;  // east of the origin
  double y = 0;  // north
};

// An equirectangular projection around one origin: over the few kilometres of a walk (or a
// municipality) its error is far below a marker's size.
class Projection {
 public:
  explicit Projection(LonLat origin)
      : origin_(origin), east_factor_(std::cos(origin.lat * std::numbers::pi / 180)) {}
  Metres operator()(LonLat at) const {
    return {(at.lon - origin_.lon) * kMetresPerDegree * east_factor_,
            (at.lat - origin_.lat) * kMetresPerDegree};
  }

 private:
  LonLat origin_;
  double east_factor_;
};

struct Bounds {
  double min_x = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();

  void add(Metres at) {
    min_x = std::min(min_x, at.x);
    max_x = std::max(max_x, at.x);
    min_y = std::min(min_y, at.y);
    max_y = std::max(max_y, at.y);
  }
  bool meets(const Bounds& other) const {
    return min_x <= other.max_x && other.min_x <= max_x && min_y <= other.max_y &&
           other.min_y <= max_y;
  }
};

// Metres onto the drawing: the bounds fill the space inside the margins, north up.
class Canvas {
 public:
  explicit Canvas(const Bounds& bounds)
      : scale_(
            std::min((kWidth - 2 * kMargin) / std::max(bounds.max_x - bounds.min_x, kLeastSpan),
                     (kHeight - 2 * kMargin) / std::max(bounds.max_y - bounds.min_y, kLeastSpan))),
        centre_x_((bounds.min_x + bounds.max_x) / 2),
        centre_y_((bounds.min_y + bounds.max_y) / 2) {}

  double x(double metres) const { return kWidth / 2 + (metres - centre_x_) * scale_; }
  double y(double metres) const { return kHeight / 2 - (metres - centre_y_) * scale_; }
  double scale() const { return scale_; }
  // What the drawing shows, in metres.
  Bounds view() const {
    return {.min_x = centre_x_ - kWidth / 2 / scale_,
            .max_x = centre_x_ + kWidth / 2 / scale_,
            .min_y = centre_y_ - kHeight / 2 / scale_,
            .max_y = centre_y_ + kHeight / 2 / scale_};
  }

 private:
  double scale_;
  double centre_x_;
  double centre_y_;
};

std::string distance_text(double metres) {
  return metres >= 1000 ? fmt::format("{:g} km", metres / 1000) : fmt::format("{:g} m", metres);
}

std::string open_svg() {
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}">)"
      R"(<rect width="{0}" height="{1}" fill="#f4f6f4" stroke="#5b6b5b"/>)",
      kWidth, kHeight);
}

// The boundary as a pale area, the streets as wide pale lines: beneath the markers, never
// competing with them.
void draw_base(std::string& svg, const BaseMap& base, const Projection& project,
               const Canvas& canvas) {
  const auto view = canvas.view();
  for (const auto& shape : base.shapes) {
    Bounds reach;
    std::string path;
    for (const auto& part : shape.parts) {
      char command = 'M';
      for (const auto& position : part) {
        const auto at = project(position);
        reach.add(at);
        path += fmt::format("{}{:.1f} {:.1f}", command, canvas.x(at.x), canvas.y(at.y));
        command = 'L';
      }
      if (shape.area) path += 'Z';
    }
    if (!reach.meets(view)) continue;
    svg +=
        shape.area
            ? fmt::format(
                  R"(<path d="{}" fill="#e3e9e3" fill-rule="evenodd" stroke="#8a968a" stroke-width="1.5"/>)",
                  path)
            : fmt::format(
                  R"(<path d="{}" fill="none" stroke="#c4cbc4" stroke-width="5" stroke-linejoin="round" stroke-linecap="round"/>)",
                  path);
  }
}

// The walk's area, dashed with a faint fill, and its route, a dashed line: as on the walk page.
void draw_outline(std::string& svg, const std::vector<Position>& positions, bool area,
                  const Projection& project, const Canvas& canvas) {
  if (positions.size() < (area ? 3U : 2U)) return;
  std::string path;
  char command = 'M';
  for (const auto& position : positions) {
    const auto at = project({position.longitude, position.latitude});
    path += fmt::format("{}{:.1f} {:.1f}", command, canvas.x(at.x), canvas.y(at.y));
    command = 'L';
  }
  svg +=
      area
          ? fmt::format(
                R"(<path d="{}Z" fill="#f2c48d" fill-opacity="0.25" stroke="#8a4b08" stroke-width="2" stroke-dasharray="4 4"/>)",
                path)
          : fmt::format(
                R"(<path d="{}" fill="none" stroke="#0b5394" stroke-width="4" stroke-dasharray="8 6" stroke-linejoin="round"/>)",
                path);
}

void draw_scale_and_north(std::string& svg, const Canvas& canvas) {
  // Scale bar: a round distance about a quarter of the map's width.
  const double bar_metres = round_distance((kWidth / 4) / canvas.scale());
  const double bar = bar_metres * canvas.scale();
  const double bar_y = kHeight - 16;
  svg += fmt::format(
      R"(<path d="M16 {0:.1f} v-6 M16 {0:.1f} h{1:.1f} v-6" stroke="#1a1a1a" stroke-width="2" fill="none"/>)"
      R"(<text x="{2:.1f}" y="{3:.1f}" font-family="sans-serif" font-size="12" fill="#1a1a1a">{4}</text>)",
      bar_y, bar, 22 + bar, bar_y, distance_text(bar_metres));
  // North arrow, top right.
  svg += fmt::format(
      R"(<path d="M{0} 18 l8 24 l-8 -6 l-8 6 z" fill="#1a1a1a"/>)"
      R"(<text x="{0}" y="56" font-family="sans-serif" font-size="12" font-weight="bold" fill="#1a1a1a" text-anchor="middle">N</text>)",
      kWidth - 24);
}

}  // namespace

double round_distance(double metres) {
  if (metres <= 0) return 0;
  const double power = std::pow(10.0, std::floor(std::log10(metres)));
  for (const double step : {5.0, 2.0, 1.0}) {
    if (step * power <= metres) return step * power;
  }
  return power;
}

std::optional<std::string> findings_map_svg(const std::vector<Finding>& findings,
                                            const BaseMap* base, const Walk* walk) {
  std::vector<const Finding*> placed;
  std::vector<LonLat> extent;
  for (const auto& finding : findings) {
    if (!finding.latitude || !finding.longitude) continue;
    placed.push_back(&finding);
    extent.push_back({*finding.longitude, *finding.latitude});
  }
  const std::vector<Position> none;
  const auto& route = walk != nullptr ? walk->route_line : none;
  const auto& area = walk != nullptr ? walk->area_outline : none;
  for (const auto* line : {&route, &area}) {
    for (const auto& position : *line) extent.push_back({position.longitude, position.latitude});
  }
  if (extent.empty()) return std::nullopt;
  const Projection project(extent.front());
  Bounds bounds;
  for (const auto& at : extent) bounds.add(project(at));
  const Canvas canvas(bounds);

  auto svg = open_svg();
  if (base != nullptr) draw_base(svg, *base, project, canvas);
  draw_outline(svg, area, true, project, canvas);
  draw_outline(svg, route, false, project, canvas);
  for (const auto* finding : placed) {
    const auto at = project({*finding->longitude, *finding->latitude});
    svg += fmt::format(
        R"(<circle cx="{0:.1f}" cy="{1:.1f}" r="11" fill="#0b5394" stroke="#ffffff" stroke-width="2"/>)"
        R"(<text x="{0:.1f}" y="{2:.1f}" font-family="sans-serif" font-size="12" font-weight="bold" fill="#ffffff" text-anchor="middle">{3}</text>)",
        canvas.x(at.x), canvas.y(at.y), canvas.y(at.y) + 4, finding->number);
  }
  draw_scale_and_north(svg, canvas);
  return svg + "</svg>";
}

std::string base_map_svg(const BaseMap& base) {
  LonLat origin;
  if (!base.shapes.empty() && !base.shapes.front().parts.empty() &&
      !base.shapes.front().parts.front().empty()) {
    origin = base.shapes.front().parts.front().front();
  }
  const Projection project(origin);
  Bounds bounds;
  for (const auto& shape : base.shapes) {
    for (const auto& part : shape.parts) {
      for (const auto& position : part) bounds.add(project(position));
    }
  }
  if (base.shapes.empty()) bounds.add({});
  const Canvas canvas(bounds);
  auto svg = open_svg();
  draw_base(svg, base, project, canvas);
  draw_scale_and_north(svg, canvas);
  return svg + "</svg>";
}

}  // namespace samtryg::walks
