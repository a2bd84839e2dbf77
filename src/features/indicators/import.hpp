#pragma once
// Statistics tables (PX, JSON-stat, CSV) into indicator values: a mapping says which dimension
// is time, which is area, and which cells (the other dimensions fixed to one category each)
// become which indicator's values. The preview lists everything that would be stored and
// everything that would not (unknown areas and periods, missing cells); nothing is written
// until apply. The same mapping serves the web import and `samtryg values import`.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/validation/validation.hpp"
#include "features/indicators/model.hpp"
#include "features/statistics/table.hpp"

namespace samtryg::indicators {

struct SeriesMapping {
  long long indicator_id = 0;
  std::map<std::string, std::string> where;  // other dimension id → category code
};

struct Mapping {
  std::string time_dimension;
  std::string area_dimension;  // empty: the values are the whole plan's
  std::vector<SeriesMapping> series;
  // Category code → area id, for codes that match no area by code or name.
  std::map<std::string, long long> areas;
  bool create_missing_areas = false;
};

struct PreviewValue {
  long long indicator_id = 0;
  std::string period;  // canonical
  std::string period_label;
  std::optional<long long> area_id;
  std::string area_code;  // the table's category, for areas still to be created
  std::string area_label;
  double value = 0;
};

struct Preview {
  std::vector<PreviewValue> values;
  std::vector<std::string> unknown_periods;  // "2017M13 (…)": do not fit the frequency
  std::vector<std::string> unknown_areas;    // category labels with no area
  std::vector<std::string> missing_cells;    // "2017 · Aalborg: .." (a symbol, not a number)
  int cells = 0;                             // cells the mapping selects
};

// Checks the mapping against the table (dimensions exist, every other dimension fixed to one
// of its categories) and throws validation::Invalid naming the field at fault.
void check_mapping(const stats::Table& table, const Mapping& mapping,
                   const std::vector<Indicator>& indicators);

// Areas are matched by their code, then by name (case-insensitive), then through
// mapping.areas.
Preview preview(const stats::Table& table, const Mapping& mapping,
                const std::vector<Indicator>& indicators, const std::vector<Area>& areas);

// A mapping as JSON (docs/import-mapping.md); indicators and areas by name. Throws
// validation::Invalid with JSON paths.
Mapping read_mapping(std::string_view json_text, const std::vector<Indicator>& indicators,
                     const std::vector<Area>& areas);

}  // namespace samtryg::indicators
