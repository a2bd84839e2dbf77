#pragma once
// The year wheel (årshjul): the partnership's year drawn as a wheel — the months round the
// rim, and inside, one ring per kind of entry (meetings, reporting periods, deadlines, walks,
// action items), a period as an arc and a single day as a dot, coloured by kind. The same
// entries are listed beside it on the page and in the PDF for those who do not see the drawing.
// No I/O.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/meetings/dated_sources.hpp"

namespace samtryg::meetings {

struct WheelTexts {
  std::string title;                // "Årshjul 2014"
  std::string description;          // the drawing's <desc>: what it shows, where the list is
  std::vector<std::string> months;  // 12 short month names, January first
  std::map<std::string, std::string> kinds;  // kind → legend label
  // An entry's tooltip (<title>), with its days as the reader writes them; empty: its title.
  std::function<std::string(const DatedEntry&)> label{};
};

// The entries of `year` as an SVG document (width and height 640 + the legend); entries outside
// the year are cut at its ends, those wholly outside left out. Every entry's mark carries a
// <title> with its text.
std::string year_wheel_svg(int year, const std::vector<DatedEntry>& entries,
                           const WheelTexts& texts);

// Day of the year, 0-based, of an ISO day within `year`; days before it give 0, after it the
// last day. Nothing when the text is no day.
std::optional<int> day_of_year(std::string_view iso_day, int year);

}  // namespace samtryg::meetings
