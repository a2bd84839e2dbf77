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

using stats::category_position;

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
  if (stats::find_dimension(table, mapping.time_dimension) == nullptr) {
    errors.add("time", "import_dimension_unknown");
  }
  if (!mapping.area_dimension.empty()) {
    if (stats::find_dimension(table, mapping.area_dimension) == nullptr) {
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

namespace {

// The cells one mapping selects, walked series by series.
class PreviewBuilder {
 public:
  PreviewBuilder(const stats::Table& table, const Mapping& mapping, const std::vector<Area>& areas)
      : table_(table),
        mapping_(mapping),
        areas_(areas),
        time_(stats::find_dimension(table, mapping.time_dimension)),
        area_dim_(mapping.area_dimension.empty()
                      ? nullptr
                      : stats::find_dimension(table, mapping.area_dimension)) {}

  void add_series(const Indicator& indicator, const SeriesMapping& series) {
    auto positions = fixed_positions(series);
    const std::size_t area_count = area_dim_ == nullptr ? 1 : area_dim_->categories.size();
    for (std::size_t t = 0; t < time_->categories.size(); ++t) {
      const auto& period_category = time_->categories[t];
      const auto parsed = stats::parse_period(period_category.code, time_->time_unit);
      const auto period = parsed ? normalise_period(indicator, parsed->code()) : std::string();
      for (std::size_t a = 0; a < area_count; ++a) {
        positions[time_index_] = t;
        if (area_dim_ != nullptr) positions[area_index_] = a;
        ++result_.cells;
        if (period.empty()) {
          unknown_periods_.insert(period_category.label == period_category.code
                                      ? period_category.code
                                      : period_category.code + " (" + period_category.label + ")");
          continue;
        }
        add_cell(indicator, period, period_category.label, a, table_.cell_index(positions));
      }
    }
  }

  Preview finish() {
    result_.unknown_periods.assign(unknown_periods_.begin(), unknown_periods_.end());
    result_.unknown_areas.assign(unknown_areas_.begin(), unknown_areas_.end());
    return std::move(result_);
  }

 private:
  // Every dimension but time and area at the category the series chose for it.
  std::vector<std::size_t> fixed_positions(const SeriesMapping& series) {
    std::vector<std::size_t> positions(table_.dimensions.size(), 0);
    for (std::size_t d = 0; d < table_.dimensions.size(); ++d) {
      const auto& dim = table_.dimensions[d];
      if (&dim == time_) time_index_ = d;
      if (&dim == area_dim_) area_index_ = d;
      const auto chosen = series.where.find(dim.id);
      if (chosen != series.where.end()) positions[d] = *category_position(dim, chosen->second);
    }
    return positions;
  }

  void add_cell(const Indicator& indicator, const std::string& period,
                const std::string& period_label, std::size_t area, std::size_t cell) {
    PreviewValue value;
    value.indicator_id = indicator.id;
    value.period = period;
    value.period_label = period_label;
    if (area_dim_ != nullptr) {
      const auto& category = area_dim_->categories[area];
      value.area_id = match_area(category, mapping_, areas_);
      value.area_code = category.code;
      value.area_label = category.label;
      if (!value.area_id && !mapping_.create_missing_areas) {
        unknown_areas_.insert(category.label);
        return;
      }
    }
    const double number = table_.values[cell];
    if (std::isnan(number)) {
      const auto symbol = table_.status.find(cell);
      result_.missing_cells.push_back(
          value.period_label + (value.area_label.empty() ? "" : " · " + value.area_label) + ": " +
          (symbol == table_.status.end() ? std::string("–") : symbol->second));
      return;
    }
    value.value = number;
    result_.values.push_back(std::move(value));
  }

  const stats::Table& table_;
  const Mapping& mapping_;
  const std::vector<Area>& areas_;
  const stats::Dimension* time_;
  const stats::Dimension* area_dim_;
  std::size_t time_index_ = 0;
  std::size_t area_index_ = 0;
  Preview result_;
  std::set<std::string> unknown_periods_;
  std::set<std::string> unknown_areas_;
};

void read_where(const boost::json::value& where, const std::string& path, SeriesMapping& series,
                Errors& errors) {
  if (!where.is_object()) {
    errors.add(path, "json_expected_object");
    return;
  }
  for (const auto& member : where.get_object()) {
    if (!member.value().is_string()) {
      errors.add(path + "." + std::string(member.key()), "json_expected_text");
      continue;
    }
    series.where[std::string(member.key())] = std::string(member.value().get_string());
  }
}

SeriesMapping read_series(const boost::json::object& item, const std::string& path,
                          const std::vector<Indicator>& indicators, Errors& errors) {
  json::Reader reader(item, errors, path);
  std::string name;
  reader.text("indicator", name);
  reader.known("where");
  reader.reject_unknown();
  SeriesMapping series;
  for (const auto& indicator : indicators) {
    if (indicator.name == name) series.indicator_id = indicator.id;
  }
  if (series.indicator_id == 0) errors.add(path + ".indicator", "import_indicator_unknown");
  if (const auto* where = item.if_contains("where"); where != nullptr) {
    read_where(*where, path + ".where", series, errors);
  }
  return series;
}

// The table's area categories the user matched to areas by name.
void read_area_choices(const boost::json::value& list, const std::vector<Area>& areas,
                       Mapping& mapping, Errors& errors) {
  if (!list.is_object()) {
    errors.add("$.areas", "json_expected_object");
    return;
  }
  for (const auto& member : list.get_object()) {
    const std::string name =
        member.value().is_string() ? std::string(member.value().get_string()) : "";
    std::optional<long long> id;
    for (const auto& area : areas) {
      if (area.name == name) id = area.id;
    }
    if (!id) {
      errors.add("$.areas." + std::string(member.key()), "import_area_unknown");
    } else {
      mapping.areas[std::string(member.key())] = *id;
    }
  }
}

}  // namespace

Preview preview(const stats::Table& table, const Mapping& mapping,
                const std::vector<Indicator>& indicators, const std::vector<Area>& areas) {
  check_mapping(table, mapping, indicators);
  PreviewBuilder builder(table, mapping, areas);
  for (const auto& series : mapping.series) {
    builder.add_series(*find_indicator(indicators, series.indicator_id), series);
  }
  return builder.finish();
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
      mapping.series.push_back(read_series(item.get_object(), path, indicators, errors));
    }
  } else {
    errors.add("$.series", "json_expected_array");
  }
  if (const auto* list = root.if_contains("areas"); list != nullptr) {
    read_area_choices(*list, areas, mapping, errors);
  }
  reader.reject_unknown();
  validation::throw_if_any(errors);
  return mapping;
}

}  // namespace samtryg::indicators
