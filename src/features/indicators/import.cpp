#include "features/indicators/import.hpp"

#include <boost/json/parse.hpp>

#include <cmath>
#include <set>

#include "core/json/reader.hpp"
#include "core/util/strings.hpp"
#include "features/indicators/presentation.hpp"
#include "features/statistics/period.hpp"

namespace samtryg::indicators {

namespace {

using validation::Errors;

const stats::Dimension* dimension(const stats::Table& table, std::string_view id) {
  for (const auto& candidate : table.dimensions) {
    if (candidate.id == id) return &candidate;
  }
  return nullptr;
}

std::optional<std::size_t> category_position(const stats::Dimension& dim, std::string_view code) {
  for (std::size_t i = 0; i < dim.categories.size(); ++i) {
    if (dim.categories[i].code == code) return i;
  }
  return std::nullopt;
}

const Indicator* find_indicator(const std::vector<Indicator>& indicators, long long id) {
  for (const auto& indicator : indicators) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

std::optional<long long> match_area(const stats::Category& category, const Mapping& mapping,
                                    const std::vector<Area>& areas) {
  if (const auto chosen = mapping.areas.find(category.code); chosen != mapping.areas.end()) {
    return chosen->second;
  }
  for (const auto& area : areas) {
    if (!area.code.empty() && area.code == category.code) return area.id;
  }
  for (const auto& area : areas) {
    if (iequals_ascii(area.name, category.label) || iequals_ascii(area.name, category.code)) {
      return area.id;
    }
  }
  return std::nullopt;
}

}  // namespace

void check_mapping(const stats::Table& table, const Mapping& mapping,
                   const std::vector<Indicator>& indicators) {
  Errors errors;
  if (dimension(table, mapping.time_dimension) == nullptr) {
    errors.add("time", "import_dimension_unknown");
  }
  if (!mapping.area_dimension.empty()) {
    if (dimension(table, mapping.area_dimension) == nullptr) {
      errors.add("area", "import_dimension_unknown");
    } else if (mapping.area_dimension == mapping.time_dimension) {
      errors.add("area", "import_area_is_time");
    }
  }
  if (mapping.series.empty()) errors.add("indicator", "field_required");
  for (std::size_t s = 0; s < mapping.series.size(); ++s) {
    const auto& series = mapping.series[s];
    const auto prefix =
        mapping.series.size() == 1 ? std::string() : "series[" + std::to_string(s) + "].";
    if (find_indicator(indicators, series.indicator_id) == nullptr) {
      errors.add(prefix + "indicator", "field_required");
    }
    for (const auto& dim : table.dimensions) {
      if (dim.id == mapping.time_dimension || dim.id == mapping.area_dimension) continue;
      const auto chosen = series.where.find(dim.id);
      if (chosen != series.where.end() && category_position(dim, chosen->second)) continue;
      // A dimension with one category needs no choice.
      if (chosen == series.where.end() && dim.categories.size() == 1) continue;
      errors.add(prefix + "where." + dim.id, "import_choose_category", {{"dimension", dim.label}});
    }
  }
  validation::throw_if_any(errors);
}

Preview preview(const stats::Table& table, const Mapping& mapping,
                const std::vector<Indicator>& indicators, const std::vector<Area>& areas) {
  check_mapping(table, mapping, indicators);
  Preview result;
  std::set<std::string> unknown_periods;
  std::set<std::string> unknown_areas;
  const auto* time = dimension(table, mapping.time_dimension);
  const auto* area_dim =
      mapping.area_dimension.empty() ? nullptr : dimension(table, mapping.area_dimension);
  for (const auto& series : mapping.series) {
    const auto& indicator = *find_indicator(indicators, series.indicator_id);
    std::vector<std::size_t> positions(table.dimensions.size(), 0);
    std::size_t time_index = 0;
    std::size_t area_index = 0;
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      const auto& dim = table.dimensions[d];
      if (&dim == time) time_index = d;
      if (&dim == area_dim) area_index = d;
      const auto chosen = series.where.find(dim.id);
      if (chosen != series.where.end()) positions[d] = *category_position(dim, chosen->second);
    }
    const std::size_t area_count = area_dim == nullptr ? 1 : area_dim->categories.size();
    for (std::size_t t = 0; t < time->categories.size(); ++t) {
      const auto& period_category = time->categories[t];
      const auto parsed = stats::parse_period(period_category.code, time->time_unit);
      const auto period = parsed ? normalise_period(indicator, parsed->code()) : std::string();
      for (std::size_t a = 0; a < area_count; ++a) {
        positions[time_index] = t;
        if (area_dim != nullptr) positions[area_index] = a;
        ++result.cells;
        const auto cell = table.cell_index(positions);
        if (period.empty()) {
          unknown_periods.insert(period_category.label == period_category.code
                                     ? period_category.code
                                     : period_category.code + " (" + period_category.label + ")");
          continue;
        }
        PreviewValue value;
        value.indicator_id = indicator.id;
        value.period = period;
        value.period_label = period_category.label;
        if (area_dim != nullptr) {
          const auto& category = area_dim->categories[a];
          value.area_id = match_area(category, mapping, areas);
          value.area_code = category.code;
          value.area_label = category.label;
          if (!value.area_id && !mapping.create_missing_areas) {
            unknown_areas.insert(category.label);
            continue;
          }
        }
        const double number = table.values[cell];
        if (std::isnan(number)) {
          const auto symbol = table.status.find(cell);
          result.missing_cells.push_back(
              value.period_label + (value.area_label.empty() ? "" : " · " + value.area_label) +
              ": " + (symbol == table.status.end() ? std::string("–") : symbol->second));
          continue;
        }
        value.value = number;
        result.values.push_back(std::move(value));
      }
    }
  }
  result.unknown_periods.assign(unknown_periods.begin(), unknown_periods.end());
  result.unknown_areas.assign(unknown_areas.begin(), unknown_areas.end());
  return result;
}

Mapping read_mapping(std::string_view json_text, const std::vector<Indicator>& indicators,
                     const std::vector<Area>& areas) {
  Errors errors;
  boost::system::error_code error;
  const auto parsed = boost::json::parse(json_text, error);
  if (error || !parsed.is_object()) {
    errors.add("$", "json_body_invalid");
    throw validation::Invalid(errors);
  }
  const auto& root = parsed.get_object();
  json::Reader reader(root, errors, "$");
  Mapping mapping;
  reader.text("time", mapping.time_dimension);
  reader.text("area", mapping.area_dimension);
  reader.boolean("create_missing_areas", mapping.create_missing_areas);
  reader.known("series");
  reader.known("areas");
  if (const auto* list = root.if_contains("series"); list != nullptr && list->is_array()) {
    std::size_t index = 0;
    for (const auto& item : list->get_array()) {
      const auto path = "$.series[" + std::to_string(index++) + "]";
      if (!item.is_object()) {
        errors.add(path, "json_expected_object");
        continue;
      }
      json::Reader series_reader(item.get_object(), errors, path);
      std::string name;
      series_reader.text("indicator", name);
      series_reader.known("where");
      series_reader.reject_unknown();
      SeriesMapping series;
      for (const auto& indicator : indicators) {
        if (indicator.name == name) series.indicator_id = indicator.id;
      }
      if (series.indicator_id == 0) errors.add(path + ".indicator", "import_indicator_unknown");
      if (const auto* where = item.get_object().if_contains("where"); where != nullptr) {
        if (!where->is_object()) {
          errors.add(path + ".where", "json_expected_object");
        } else {
          for (const auto& member : where->get_object()) {
            if (!member.value().is_string()) {
              errors.add(path + ".where." + std::string(member.key()), "json_expected_text");
              continue;
            }
            series.where[std::string(member.key())] = std::string(member.value().get_string());
          }
        }
      }
      mapping.series.push_back(std::move(series));
    }
  } else {
    errors.add("$.series", "json_expected_array");
  }
  if (const auto* list = root.if_contains("areas"); list != nullptr) {
    if (!list->is_object()) {
      errors.add("$.areas", "json_expected_object");
    } else {
      for (const auto& member : list->get_object()) {
        const auto path = "$.areas." + std::string(member.key());
        const std::string name =
            member.value().is_string() ? std::string(member.value().get_string()) : "";
        std::optional<long long> id;
        for (const auto& area : areas) {
          if (area.name == name) id = area.id;
        }
        if (!id) {
          errors.add(path, "import_area_unknown");
        } else {
          mapping.areas[std::string(member.key())] = *id;
        }
      }
    }
  }
  reader.reject_unknown();
  validation::throw_if_any(errors);
  return mapping;
}

}  // namespace samtryg::indicators
