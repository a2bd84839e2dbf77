#include "features/meetings/year_wheel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <numbers>

#include "core/view/render.hpp"

namespace samtryg::meetings {

namespace {

using view::escape_html;

constexpr double kCentre = 320;
constexpr double kRimOuter = 304;
constexpr double kRimInner = 266;
constexpr double kFirstRing = 242;  // the first kind's ring; each next one further in
constexpr double kRingStep = 38;
constexpr double kLegendTop = 660;
constexpr int kLegendColumns = 3;
constexpr double kLegendColumnWidth = 210;
constexpr double kLegendRowHeight = 26;

// Colours that stand 3:1 or more against white (WCAG 1.4.11 for graphics), told apart also by
// their ring.
constexpr std::pair<std::string_view, std::string_view> kColours[] = {
    {"meeting", "#1f5fa8"},
    {"reporting_period", "#a35200"},
    {"deadline", "#b3261e"},
    {"walk", "#2e7d32"},
    {"action", "#6a1b9a"}};

std::string_view colour_of(std::string_view kind) {
  for (const auto& [known, colour] : kColours) {
    if (known == kind) return colour;
  }
  return "#4a5360";
}

std::string number(double value) {
  return fmt::format("{:.1f}", value);
}

struct Point {
  double x;
  double y;
};

// Where a share of the year (0 at 1 January, at the top; clockwise) meets a circle.
Point at(double share, double radius) {
  const double angle = share * 2 * std::numbers::pi - std::numbers::pi / 2;
  return {kCentre + radius * std::cos(angle), kCentre + radius * std::sin(angle)};
}

int ring_of(std::string_view kind) {
  const auto found = std::find(std::begin(kDatedKinds), std::end(kDatedKinds), kind);
  return static_cast<int>(found - std::begin(kDatedKinds));
}

int days_in(int year) {
  const std::chrono::year y{year};
  return y.is_leap() ? 366 : 365;
}

void draw_rim(std::string& out, int year, const WheelTexts& texts) {
  for (unsigned month = 1; month <= 12; ++month) {
    const auto first = day_of_year(fmt::format("{:04}-{:02}-01", year, month), year).value_or(0);
    const auto next =
        month == 12 ? days_in(year)
                    : day_of_year(fmt::format("{:04}-{:02}-01", year, month + 1), year).value_or(0);
    const double from = static_cast<double>(first) / days_in(year);
    const double to = static_cast<double>(next) / days_in(year);
    const auto outer_from = at(from, kRimOuter);
    const auto outer_to = at(to, kRimOuter);
    const auto inner_to = at(to, kRimInner);
    const auto inner_from = at(from, kRimInner);
    out += fmt::format(
        "<path d=\"M{} {} A{} {} 0 0 1 {} {} L{} {} A{} {} 0 0 0 {} {} Z\" fill=\"{}\" "
        "stroke=\"#ffffff\" stroke-width=\"2\"/>",
        number(outer_from.x), number(outer_from.y), kRimOuter, kRimOuter, number(outer_to.x),
        number(outer_to.y), number(inner_to.x), number(inner_to.y), kRimInner, kRimInner,
        number(inner_from.x), number(inner_from.y), month % 2 == 1 ? "#dde3ea" : "#eef1f5");
    // A line from the rim to the middle where each month begins.
    const auto spoke_outer = at(from, kRimInner);
    const auto spoke_inner = at(from, kFirstRing - kRingStep * 4.6);
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#c9d1da\"/>",
                       number(spoke_outer.x), number(spoke_outer.y), number(spoke_inner.x),
                       number(spoke_inner.y));
    const auto label = at((from + to) / 2, (kRimOuter + kRimInner) / 2);
    const auto name = month - 1 < texts.months.size() ? texts.months[month - 1] : "";
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"central\" "
        "font-size=\"14\" fill=\"#1b1f24\">{}</text>",
        number(label.x), number(label.y), escape_html(name));
  }
  for (std::size_t ring = 0; ring < std::size(kDatedKinds); ++ring) {
    out += fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"#d5dbe2\" "
        "stroke-dasharray=\"2 4\"/>",
        kCentre, kCentre, number(kFirstRing - kRingStep * static_cast<double>(ring)));
  }
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"central\" "
      "font-size=\"34\" font-weight=\"bold\" fill=\"#1b1f24\">{}</text>",
      kCentre, kCentre, year);
}

void draw_entry(std::string& out, int year, const DatedEntry& entry, const WheelTexts& texts) {
  const auto first = day_of_year(entry.first_day, year);
  const auto last = day_of_year(entry.last_day.empty() ? entry.first_day : entry.last_day, year);
  if (!first || !last) return;
  const auto ring = ring_of(entry.kind);
  if (ring >= static_cast<int>(std::size(kDatedKinds))) return;
  const double radius = kFirstRing - kRingStep * ring;
  const double days = days_in(year);
  const auto colour = colour_of(entry.kind);
  const auto tooltip = escape_html(texts.label ? texts.label(entry) : entry.title);
  if (*last == *first) {
    const auto centre = at((*first + 0.5) / days, radius);
    out += fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\">"
        "<title>{}</title></circle>",
        number(centre.x), number(centre.y), colour, tooltip);
    return;
  }
  const double from = *first / days;
  const double to = std::min(1.0, (*last + 1) / days);
  if (to - from > 0.999) {
    out += fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"12\" "
        "stroke-opacity=\"0.85\"><title>{}</title></circle>",
        kCentre, kCentre, number(radius), colour, tooltip);
    return;
  }
  const auto start = at(from, radius);
  const auto end = at(to, radius);
  out += fmt::format(
      "<path d=\"M{} {} A{} {} 0 {} 1 {} {}\" fill=\"none\" stroke=\"{}\" stroke-width=\"12\" "
      "stroke-linecap=\"round\" stroke-opacity=\"0.85\"><title>{}</title></path>",
      number(start.x), number(start.y), number(radius), number(radius), to - from > 0.5 ? 1 : 0,
      number(end.x), number(end.y), colour, tooltip);
}

void draw_legend(std::string& out, const WheelTexts& texts) {
  int index = 0;
  for (const auto kind : kDatedKinds) {
    const auto label = texts.kinds.find(std::string(kind));
    if (label == texts.kinds.end()) continue;
    const double x = 20 + kLegendColumnWidth * static_cast<double>(index % kLegendColumns);
    const int row = index / kLegendColumns;
    const double y = kLegendTop + kLegendRowHeight * row;
    out += fmt::format(
        "<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" "
        "dominant-baseline=\"central\" font-size=\"14\" fill=\"#1b1f24\">{}</text>",
        number(x + 7), number(y), colour_of(kind), number(x + 20), number(y),
        escape_html(label->second));
    ++index;
  }
}

}  // namespace

std::optional<int> day_of_year(std::string_view iso_day, int year) {
  if (iso_day.size() < 10 || iso_day[4] != '-' || iso_day[7] != '-') return std::nullopt;
  const auto field = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    const auto* first = iso_day.data() + at;
    const auto [end, error] = std::from_chars(first, first + length, value);
    if (error != std::errc() || end != first + length) return std::nullopt;
    return value;
  };
  const auto y = field(0, 4);
  const auto m = field(5, 2);
  const auto d = field(8, 2);
  if (!y || !m || !d || *m < 1 || *d < 1) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year{*y},
                                        std::chrono::month{static_cast<unsigned>(*m)},
                                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (!day.ok()) return std::nullopt;
  if (*y < year) return 0;
  if (*y > year) return days_in(year) - 1;
  const std::chrono::sys_days start{std::chrono::year{year} / 1 / 1};
  return static_cast<int>((std::chrono::sys_days{day} - start).count());
}

std::string year_wheel_svg(int year, const std::vector<DatedEntry>& entries,
                           const WheelTexts& texts) {
  const auto rows = (std::size(kDatedKinds) + kLegendColumns - 1) / kLegendColumns;
  const auto height = kLegendTop + kLegendRowHeight * static_cast<double>(rows);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{0}\" viewBox=\"0 0 640 "
      "{0}\" role=\"img\" aria-labelledby=\"wheel-title wheel-desc\" "
      "font-family=\"'DejaVu Sans', sans-serif\"><title id=\"wheel-title\">{1}</title>"
      "<desc id=\"wheel-desc\">{2}</desc>",
      number(height), escape_html(texts.title), escape_html(texts.description));
  out.reserve(out.size() + 4096 + entries.size() * 220);
  draw_rim(out, year, texts);
  const auto first_day = fmt::format("{:04}-01-01", year);
  const auto last_day = fmt::format("{:04}-12-31", year);
  for (const auto& entry : entries) {
    const auto& last = entry.last_day.empty() ? entry.first_day : entry.last_day;
    if (last < first_day || entry.first_day > last_day) continue;
    draw_entry(out, year, entry, texts);
  }
  draw_legend(out, texts);
  out += "</svg>";
  return out;
}

}  // namespace samtryg::meetings
