#include "features/indicators/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/view/render.hpp"

namespace samtryg::indicators::charts {

namespace {

using view::escape_html;

// Colours with at least 4.5:1 contrast on white; met and not met also differ in shape.
constexpr std::string_view kInk = "#1f2933";
constexpr std::string_view kGrid = "#d9dee3";
constexpr std::string_view kSeries = "#1d4f91";
constexpr std::string_view kHighlight = "#0b2e59";
constexpr std::string_view kBar = "#5b7fb5";
constexpr std::string_view kTarget = "#8a4b00";
constexpr std::string_view kBand = "#f3e3c8";
constexpr std::string_view kMet = "#1b6e3a";
constexpr std::string_view kNotMet = "#b3261e";
constexpr std::string_view kFont = "font-family=\"sans-serif\"";

std::string number(double value) {
  return fmt::format("{:.1f}", value);
}

std::string open_svg(const std::string& id, int width, int height, const std::string& title,
                     const std::string& description) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-labelledby=\"{2}-title {2}-desc\">"
      "<title id=\"{2}-title\">{3}</title><desc id=\"{2}-desc\">{4}</desc>",
      width, height, escape_html(id), escape_html(title), escape_html(description));
}

std::string text_at(double x, double y, std::string_view anchor, int size, std::string_view fill,
                    const std::string& content) {
  return fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\" fill=\"{}\" {}>{}</text>",
      number(x), number(y), anchor, size, fill, kFont, escape_html(content));
}

std::string fallback_format(double value) {
  return fmt::format("{:g}", value);
}

struct Range {
  double low = 0;
  double high = 1;
};

// The values' range widened to round ticks; starts at zero when every value is positive, so
// bar lengths and line heights are not exaggerated.
Range value_range(const std::vector<double>& values) {
  if (values.empty()) return {};
  auto low = *std::min_element(values.begin(), values.end());
  auto high = *std::max_element(values.begin(), values.end());
  if (low > 0) low = 0;
  if (high < 0) high = 0;
  if (high - low < 1e-9) high = low + 1;
  const auto ticks = axis_ticks(low, high);
  return {ticks.front(), ticks.back()};
}

// Marks distinguishable without colour: met is a circle, not met a diamond.
std::string marker(double x, double y, const Point& point) {
  const auto fill = point.example ? std::string("#ffffff") : std::string();
  if (point.met == false) {
    const auto colour = std::string(kNotMet);
    return fmt::format(
        "<path d=\"M{0} {1}l5 5l-5 5l-5 -5z\" fill=\"{2}\" stroke=\"{3}\" stroke-width=\"2\"/>",
        number(x), number(y - 5), fill.empty() ? colour : fill, colour);
  }
  const auto colour = std::string(point.met ? kMet : kSeries);
  return fmt::format(
      "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>",
      number(x), number(y), fill.empty() ? colour : fill, colour);
}

}  // namespace

std::vector<double> axis_ticks(double low, double high) {
  if (!(high > low)) high = low + 1;
  const double raw = (high - low) / 4;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * magnitude;
    if ((high - low) / step <= 5) break;
  }
  std::vector<double> ticks;
  const double first = std::floor(low / step + 1e-9) * step;
  // Counted, not summed: adding the step again and again drifts (0.1 + 0.1 + 0.1 != 0.3).
  for (int index = 0; first + index * step < high + step - 1e-9; ++index) {
    const double tick = first + index * step;
    ticks.push_back(std::abs(tick) < step * 1e-9 ? 0 : tick);
  }
  if (ticks.size() < 2) ticks.push_back(first + step);
  return ticks;
}

namespace {

// Where a time series' values and periods land on the canvas.
struct SeriesPlot {
  const TimeSeries& chart;
  Formatter format;
  bool small = false;
  Range range;
  double left = 0;
  double right = 12;
  double top = 12;
  double bottom = 0;
  double plot_width = 0;
  double plot_height = 0;
  int label_size = 12;

  SeriesPlot(const TimeSeries& series, Formatter formatter)
      : chart(series), format(std::move(formatter)), small(series.size.width < 400) {
    range = value_range(values_shown());
    // Room for the widest axis label ("1.500 tkr"), at about 0.6 em per character.
    std::size_t widest = 0;
    for (const double tick : axis_ticks(range.low, range.high)) {
      widest = std::max(widest, format(tick).size());
    }
    left = std::max(small ? 30.0 : 44.0, static_cast<double>(widest) * (small ? 6.0 : 7.2) + 10);
    bottom = small ? 30 : 54;
    plot_width = chart.size.width - left - right;
    plot_height = chart.size.height - top - bottom;
    label_size = small ? 10 : 12;
  }

  [[nodiscard]] std::vector<double> values_shown() const {
    std::vector<double> seen;
    for (const auto& point : chart.points) {
      if (point.value) seen.push_back(*point.value);
    }
    if (chart.target) {
      seen.push_back(chart.target->low);
      if (chart.target->high) seen.push_back(*chart.target->high);
    }
    return seen;
  }

  [[nodiscard]] double y_of(double value) const {
    return top + plot_height * (1 - (value - range.low) / (range.high - range.low));
  }

  [[nodiscard]] double x_of(std::size_t index) const {
    const auto count = static_cast<double>(chart.points.size());
    return count <= 1 ? left + plot_width / 2
                      : left + plot_width * (static_cast<double>(index) / (count - 1));
  }

  [[nodiscard]] double right_edge() const { return chart.size.width - right; }

  [[nodiscard]] std::string grid() const {
    std::string svg;
    for (const double tick : axis_ticks(range.low, range.high)) {
      if (tick > range.high + 1e-9) break;
      const double y = y_of(tick);
      svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
                         number(left), number(y), number(right_edge()), number(y), kGrid);
      svg += text_at(left - 6, y + 4, "end", label_size, kInk, format(tick));
    }
    return svg;
  }

  [[nodiscard]] std::string target_band(const TargetMark& target) const {
    std::string svg;
    if (target.high) {
      const double y_high = y_of(*target.high);
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" fill-opacity=\"0.8\"/>",
          number(left), number(y_high), number(plot_width),
          number(std::max(1.0, y_of(target.low) - y_high)), kBand);
    }
    for (const auto value : {std::optional<double>(target.low), target.high}) {
      if (!value) continue;
      const double y = y_of(*value);
      svg += fmt::format(
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" "
          "stroke-dasharray=\"6 4\"/>",
          number(left), number(y), number(right_edge()), number(y), kTarget);
    }
    if (!small) {
      svg += text_at(right_edge(), y_of(target.high.value_or(target.low)) - 5, "end", 12, kTarget,
                     target.label);
    }
    return svg;
  }

  // The line breaks where a period has no value rather than bridging the gap.
  [[nodiscard]] std::string line() const {
    std::string path;
    bool drawing = false;
    for (std::size_t i = 0; i < chart.points.size(); ++i) {
      const auto& point = chart.points[i];
      if (!point.value) {
        drawing = false;
        continue;
      }
      path +=
          fmt::format("{}{} {} ", drawing ? 'L' : 'M', number(x_of(i)), number(y_of(*point.value)));
      drawing = true;
    }
    if (path.empty()) return {};
    return fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>",
                       path.substr(0, path.size() - 1), kSeries);
  }

  [[nodiscard]] std::string markers() const {
    std::string svg;
    for (std::size_t i = 0; i < chart.points.size(); ++i) {
      const auto& point = chart.points[i];
      if (point.value) svg += marker(x_of(i), y_of(*point.value), point);
    }
    return svg;
  }

  // As many period labels as fit: every n-th, always the last.
  [[nodiscard]] std::string period_labels() const {
    std::string svg;
    const auto points = chart.points.size();
    // Room for the longest label ("september 2018" on a monthly chart) at about 0.6 em per
    // character, half as much again for the outer labels that lean inwards, and a gap, so
    // neighbouring labels never run into each other.
    std::size_t longest = 0;
    for (const auto& point : chart.points) {
      const auto& label = point.label;
      const auto characters =
          static_cast<std::size_t>(std::count_if(label.begin(), label.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
          }));
      longest = std::max(longest, characters);
    }
    const double per_label =
        std::max(small ? 44.0 : 56.0, static_cast<double>(longest) * label_size * 0.6 * 1.5 + 10);
    const auto fit = std::max<std::size_t>(1, static_cast<std::size_t>(plot_width / per_label));
    const std::size_t every = (points + fit - 1) / fit;
    for (std::size_t i = 0; i < points; ++i) {
      const bool due = i % every == 0;
      const bool last_with_room = i + 1 == points && i % every >= (every + 1) / 2;
      if (!due && !last_with_room) continue;
      // The outermost labels lean inwards so they are not cut at the chart's edges.
      const bool first = i == 0 && points > 1;
      const bool last = i + 1 == points && points > 1;
      const double x = first ? x_of(i) - 8 : last ? x_of(i) + 8 : x_of(i);
      const std::string_view anchor = first ? "start" : last ? "end" : "middle";
      svg += text_at(x, top + plot_height + (small ? 16 : 20), anchor, label_size, kInk,
                     chart.points[i].label);
    }
    return svg;
  }

  // A key to the marks the chart uses; phones read it from the table below instead.
  [[nodiscard]] std::string legend() const {
    if (small) return {};
    const auto shows = [&](auto&& test) {
      return std::any_of(chart.points.begin(), chart.points.end(),
                         [&](const Point& point) { return point.value && test(point); });
    };
    std::string svg;
    double x = left;
    const double y = chart.size.height - 12;
    const auto entry = [&](const Point& sample, const std::string& label) {
      svg += marker(x + 5, y - 4, sample);
      svg += text_at(x + 14, y, "start", 12, kInk, label);
      x += 24 + 7.0 * static_cast<double>(label.size());
    };
    if (shows([](const Point& p) { return p.met == true; })) {
      entry({{}, {}, true, false}, chart.met_label);
    }
    if (shows([](const Point& p) { return p.met == false; })) {
      entry({{}, {}, false, false}, chart.not_met_label);
    }
    if (shows([](const Point& p) { return p.example; })) {
      entry({{}, {}, std::nullopt, true}, chart.example_label);
    }
    return svg;
  }
};

}  // namespace

std::string time_series(const TimeSeries& chart) {
  const SeriesPlot plot(chart, chart.format ? chart.format : Formatter(fallback_format));
  std::string svg =
      open_svg(chart.id, chart.size.width, chart.size.height, chart.title, chart.description);
  svg += plot.grid();
  if (chart.target) svg += plot.target_band(*chart.target);
  svg += plot.line();
  svg += plot.markers();
  svg += plot.period_labels();
  svg += plot.legend();
  svg += "</svg>";
  return svg;
}

std::string bar_chart(const BarChart& chart) {
  const auto format = chart.format ? chart.format : Formatter(fallback_format);
  const double label_width = std::min(220.0, chart.width * 0.36);
  const double value_width = 72;
  const double row = 28;
  const double top = 8;
  const bool any_example = std::any_of(chart.bars.begin(), chart.bars.end(),
                                       [](const Bar& bar) { return bar.value && bar.example; });
  const double legend = any_example ? 24 : 0;
  const double bottom = (chart.target ? 26 : 8) + legend;
  const double plot_left = label_width + 8;
  const double plot_width = chart.width - plot_left - value_width;
  const double height = top + row * static_cast<double>(chart.bars.size()) + bottom;

  std::vector<double> seen;
  for (const auto& bar : chart.bars) {
    if (bar.value) seen.push_back(*bar.value);
  }
  if (chart.target) seen.push_back(chart.target->high.value_or(chart.target->low));
  const auto range = value_range(seen);
  const auto x_of = [&](double value) {
    return plot_left + plot_width * (value - range.low) / (range.high - range.low);
  };

  std::string svg = open_svg(chart.id, chart.width, static_cast<int>(std::ceil(height)),
                             chart.title, chart.description);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& bar = chart.bars[i];
    const double y = top + row * static_cast<double>(i);
    svg += text_at(label_width, y + row / 2 + 4, "end", 12, kInk, bar.label);
    if (!bar.value) {
      svg += text_at(plot_left, y + row / 2 + 4, "start", 12, kInk, chart.no_value_label);
      continue;
    }
    const double zero = x_of(std::clamp(0.0, range.low, range.high));
    const double end = x_of(*bar.value);
    const auto colour = bar.highlight ? kHighlight : kBar;
    svg += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}/>",
        number(std::min(zero, end)), number(y + 5), number(std::max(1.0, std::abs(end - zero))),
        number(row - 10), bar.example ? std::string_view("#ffffff") : colour,
        bar.example
            ? fmt::format(" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"4 2\"", colour)
            : std::string());
    svg += text_at(std::max(zero, end) + 6, y + row / 2 + 4, "start", 12, kInk, format(*bar.value));
  }
  if (chart.target) {
    for (const auto value : {std::optional<double>(chart.target->low), chart.target->high}) {
      if (!value) continue;
      const double x = x_of(*value);
      svg += fmt::format(
          "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"2\" "
          "stroke-dasharray=\"6 4\"/>",
          number(x), number(top), number(height - bottom + 4), kTarget);
    }
    svg += text_at(x_of(chart.target->low), height - legend - 6, "middle", 12, kTarget,
                   chart.target->label);
  }
  if (any_example) {
    // The same dashed outline as an example bar, so the difference is told in words as well.
    svg += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"12\" fill=\"#ffffff\" stroke=\"{}\" "
        "stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
        number(plot_left), number(height - 18), kBar);
    svg += text_at(plot_left + 26, height - 8, "start", 12, kInk, chart.example_label);
  }
  svg += "</svg>";
  return svg;
}

std::string sparkline(const std::vector<std::optional<double>>& values, const std::string& title,
                      Size size) {
  std::vector<double> seen;
  for (const auto& value : values) {
    if (value) seen.push_back(*value);
  }
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\"><title>{2}</title>",
      size.width, size.height, escape_html(title));
  if (seen.empty()) return svg + "</svg>";
  auto low = *std::min_element(seen.begin(), seen.end());
  auto high = *std::max_element(seen.begin(), seen.end());
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  const double pad = 3;
  const auto count = static_cast<double>(values.size());
  const auto x_of = [&](std::size_t i) {
    return count <= 1 ? size.width / 2.0
                      : pad + (size.width - 2 * pad) * static_cast<double>(i) / (count - 1);
  };
  const auto y_of = [&](double value) {
    return pad + (size.height - 2 * pad) * (1 - (value - low) / (high - low));
  };
  std::string path;
  bool drawing = false;
  std::size_t last = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) {
      drawing = false;
      continue;
    }
    path += fmt::format("{}{} {} ", drawing ? 'L' : 'M', number(x_of(i)), number(y_of(*values[i])));
    drawing = true;
    last = i;
  }
  svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>",
                     path.substr(0, path.size() - 1), kSeries);
  svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"{}\"/></svg>",
                     number(x_of(last)), number(y_of(*values[last])), kSeries);
  return svg;
}

}  // namespace samtryg::indicators::charts
