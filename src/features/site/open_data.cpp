#include "features/site/open_data.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace samtryg::site {

stats::Table indicator_table(const indicators::IndicatorRecord& record,
                             const std::map<long long, std::string>& area_names,
                             const i18n::Catalog& catalog) {
  const auto& indicator = record.indicator;
  stats::Table table;
  table.format = "json-stat";
  table.id = "indicator-" + std::to_string(indicator.id);
  table.title = indicator.name;
  table.source = indicator.source_note;
  table.language = std::string(i18n::code(catalog.language()));
  table.decimals = indicator.decimals;
  std::set<std::string> periods;
  bool whole_plan = false;
  std::set<long long> areas;
  std::string updated = indicator.updated_at;
  for (const auto& value : record.values) {
    periods.insert(value.period);
    if (value.area_id) {
      areas.insert(*value.area_id);
    } else {
      whole_plan = true;
    }
  }
  table.updated = updated.substr(0, 10);

  stats::Dimension period{
      "period", std::string(catalog.text("site_period")), stats::DimensionRole::time, {}, {}};
  for (const auto& code : periods) period.categories.push_back({code, code, {}, -1});
  stats::Dimension area{
      "area", std::string(catalog.text("site_open_area")), stats::DimensionRole::geo, {}, {}};
  if (whole_plan || areas.empty()) {
    area.categories.push_back({"all", std::string(catalog.text("site_open_whole")), {}, -1});
  }
  for (const auto id : areas) {
    const auto name = area_names.find(id);
    area.categories.push_back({"area-" + std::to_string(id),
                               name == area_names.end() ? std::to_string(id) : name->second,
                               {},
                               -1});
  }
  auto unit = std::string(catalog.text("unit_" + indicator.unit));
  if (!indicator.currency.empty()) unit += " (" + indicator.currency + ")";
  stats::Dimension measure{
      "measure", std::string(catalog.text("site_value")), stats::DimensionRole::metric, {}, {}};
  measure.categories.push_back({"value", indicator.name, unit, indicator.decimals});
  table.unit = unit;
  table.dimensions = {period, area, measure};

  table.values.assign(period.categories.size() * area.categories.size(),
                      std::numeric_limits<double>::quiet_NaN());
  const auto position = [](const stats::Dimension& dimension, const std::string& code) {
    return static_cast<std::size_t>(
        std::find_if(dimension.categories.begin(), dimension.categories.end(),
                     [&](const stats::Category& category) { return category.code == code; }) -
        dimension.categories.begin());
  };
  bool example = false;
  bool preliminary = false;
  for (const auto& value : record.values) {
    const auto figure = indicators::effective_value(indicator, value);
    if (!figure) continue;
    const auto cell = table.cell_index(
        {position(period, value.period),
         position(area, value.area_id ? "area-" + std::to_string(*value.area_id) : "all"), 0});
    table.values[cell] = *figure;
    if (value.example) {
      table.status[cell] = "example";
      example = true;
    } else if (value.status != "final") {
      table.status[cell] = value.status;
      preliminary = true;
    }
  }
  if (example) table.notes.emplace_back(catalog.text("site_open_example_note"));
  if (preliminary) table.notes.emplace_back(catalog.text("site_open_preliminary_note"));
  return table;
}

}  // namespace samtryg::site
