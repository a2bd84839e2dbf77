#pragma once
// Server-side SVG charts: the same file goes on the page, into the PDF (librsvg) and, as PNG,
// into the DOCX, so they use presentation attributes only (no CSS, no scripts, no fonts
// beyond a generic family). Every chart carries <title> and <desc>; the pages print the same
// figures as a table beside it. Pure functions: no I/O.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace samtryg::indicators::charts {

// How a figure is written in the reader's language ("84,9 %", "1.150").
using Formatter = std::function<std::string(double)>;

struct Size {
  int width = 640;
  int height = 280;
};

struct Point {
  std::string label;  // the period, as the reader writes it
  std::optional<double> value;
  std::optional<bool> met;  // against the target of its period; none: no target
  bool example = false;     // demo figures the seeds do not give
};

// A target drawn across the chart: a line at `low`, or the band low..high for "between".
struct TargetMark {
  double low = 0;
  std::optional<double> high;
  std::string label;  // "Mål ≥ 70 %"
};

struct TimeSeries {
  std::string id;  // unique on the page; prefixes the ids <title>/<desc> are referred to by
  std::string title;
  std::string description;
  std::vector<Point> points;
  std::optional<TargetMark> target;
  Formatter format;
  Size size;
  // Legend words, in the reader's language.
  std::string met_label = "met";
  std::string not_met_label = "not met";
  std::string example_label = "example data";
};

std::string time_series(const TimeSeries& chart);

struct Bar {
  std::string label;  // the area
  std::optional<double> value;
  bool highlight = false;  // the workspace's own area
  bool example = false;
};

struct BarChart {
  std::string id;
  std::string title;
  std::string description;
  std::vector<Bar> bars;
  std::optional<TargetMark> target;
  Formatter format;
  int width = 640;
  std::string no_value_label = "no value";
  std::string example_label = "example data";  // the legend for example bars, when there are any
};

// Horizontal bars, one row per area, so long area names stay readable.
std::string bar_chart(const BarChart& chart);

// A word-sized line for lists: no axes, the last value marked.
std::string sparkline(const std::vector<std::optional<double>>& values, const std::string& title,
                      Size size = {96, 24});

// Rounded axis ticks covering low..high: 3–6 values at a step of 1, 2 or 5 × 10ⁿ.
std::vector<double> axis_ticks(double low, double high);

}  // namespace samtryg::indicators::charts
