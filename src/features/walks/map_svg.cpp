#include "features/walks/map_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace samtryg::walks {

namespace {

constexpr double kWidth = 640;
constexpr double kHeight = 420;
// Wide enough that no marker covers the north arrow (top right) or the scale bar (bottom left).
constexpr double kMargin = 72;
constexpr double kMetresPerDegree = 111'320;  // along a meridian, near enough for a town

struct Point {
  double x = 0;  // metres east of the first finding
  double y = 0;  // metres north
  int number = 0;
};

// An equirectangular projection around the findings: over the few kilometres of a walk its
// error is far below a marker's size.
std::vector<Point> project(const std::vector<Finding>& findings) {
  std::vector<Point> points;
  double latitude0 = 0;
  double longitude0 = 0;
  for (const auto& finding : findings) {
    if (!finding.latitude || !finding.longitude) continue;
    if (points.empty()) {
      latitude0 = *finding.latitude;
      longitude0 = *finding.longitude;
    }
    const double east = (*finding.longitude - longitude0) * kMetresPerDegree *
                        std::cos(latitude0 * std::numbers::pi / 180);
    const double north = (*finding.latitude - latitude0) * kMetresPerDegree;
    points.push_back({east, north, finding.number});
  }
  return points;
}

std::string distance_text(double metres) {
  return metres >= 1000 ? fmt::format("{:g} km", metres / 1000) : fmt::format("{:g} m", metres);
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

std::optional<std::string> findings_map_svg(const std::vector<Finding>& findings) {
  const auto points = project(findings);
  if (points.empty()) return std::nullopt;
  auto [min_x, max_x] =
      std::minmax_element(points.begin(), points.end(), [](auto a, auto b) { return a.x < b.x; });
  auto [min_y, max_y] =
      std::minmax_element(points.begin(), points.end(), [](auto a, auto b) { return a.y < b.y; });
  // At least 200 m across, so one finding or a few close together are not drawn at street
  // scale.
  const double span_x = std::max(max_x->x - min_x->x, 200.0);
  const double span_y = std::max(max_y->y - min_y->y, 200.0);
  const double scale = std::min((kWidth - 2 * kMargin) / span_x, (kHeight - 2 * kMargin) / span_y);
  const double centre_x = (min_x->x + max_x->x) / 2;
  const double centre_y = (min_y->y + max_y->y) / 2;
  const auto to_x = [&](double x) { return kWidth / 2 + (x - centre_x) * scale; };
  const auto to_y = [&](double y) { return kHeight / 2 - (y - centre_y) * scale; };

  std::string svg = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}">)"
      R"(<rect width="{0}" height="{1}" fill="#f4f6f4" stroke="#5b6b5b"/>)",
      kWidth, kHeight);
  for (const auto& point : points) {
    svg += fmt::format(
        R"(<circle cx="{0:.1f}" cy="{1:.1f}" r="11" fill="#0b5394" stroke="#ffffff" stroke-width="2"/>)"
        R"(<text x="{0:.1f}" y="{2:.1f}" font-family="sans-serif" font-size="12" font-weight="bold" fill="#ffffff" text-anchor="middle">{3}</text>)",
        to_x(point.x), to_y(point.y), to_y(point.y) + 4, point.number);
  }
  // Scale bar: a round distance about a quarter of the map's width.
  const double bar_metres = round_distance((kWidth / 4) / scale);
  const double bar = bar_metres * scale;
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
  svg += "</svg>";
  return svg;
}

}  // namespace samtryg::walks
