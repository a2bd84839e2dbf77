#include "features/indicators/page_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/presentation.hpp"

namespace samtryg::indicators {

std::string number_text(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

std::optional<long long> form_id(const std::string& text, std::string_view field,
                                 validation::Errors& errors) {
  if (text.empty()) return std::nullopt;
  const auto id = parse_id(text);
  if (!id) errors.add(std::string(field), "number_invalid");
  return id;
}

std::string notice_text(const Context& context) {
  return web::notice_text(context, {"notice_saved", "notice_created", "notice_deleted",
                                    "notice_value_saved", "notice_values_imported"});
}

std::string status_class(Status status) {
  return "status-" + status_name(status);
}

std::vector<web::Option> area_options(const Context& context, soci::session& sql,
                                      const Indicator& indicator) {
  std::vector<web::Option> options{{"", context.text("indicator_area_whole")}};
  const auto used = indicator_areas(sql, context.actor(), indicator);
  for (const auto& area : areas(sql, context.actor())) {
    const bool local =
        area.kind == "city_district" || area.kind == "housing_area" || area.kind == "school";
    if (!local && !used.contains(area.id)) continue;
    options.push_back({std::to_string(area.id), area.name});
  }
  return options;
}

// ---- shared by the dashboard and the indicator page -----------------------------------------

view::Data rollup_data(const Context& context, const Rollup& rollup,
                       const std::vector<IndicatorRecord>& records) {
  std::set<long long> on_example;
  for (const auto& record : records) {
    const bool example = std::any_of(record.values.begin(), record.values.end(),
                                     [](const Value& value) { return value.example; });
    if (example) on_example.insert(record.indicator.id);
  }
  bool rests_on_example = false;
  view::Data data;
  data.set("status", status_label(rollup.status, context.catalog()));
  data.set("class", status_class(rollup.status));
  int assessed = 0;
  int good = 0;
  auto parts = view::list();
  for (const auto& part : rollup.parts) {
    view::Data item;
    item.set("id", std::to_string(part.indicator_id));
    item.set("name", part.name);
    item.set("weight",
             i18n::format_number(part.weight, part.weight == static_cast<int>(part.weight) ? 0 : 1,
                                 context.language));
    item.set("status", status_label(part.status, context.catalog()));
    item.set("class", status_class(part.status));
    const bool example = on_example.count(part.indicator_id) != 0;
    item.set("example", view::flag(example));
    rests_on_example = rests_on_example || (example && is_assessed(part.status));
    parts.push_back(item);
    if (is_assessed(part.status)) {
      ++assessed;
      if (part.status == Status::met || part.status == Status::on_track) ++good;
    }
  }
  data.set("parts", parts);
  data.set("example_note",
           view::text(rests_on_example ? context.text("rollup_example") : std::string()));
  data.set("has_parts", view::flag(!rollup.parts.empty()));
  data.set("explanation",
           context.catalog().format(
               "rollup_explanation",
               {{"good", std::to_string(good)},
                {"assessed", std::to_string(assessed)},
                {"share", i18n::format_percent(rollup.share * 100, 0, context.language)},
                {"count", std::to_string(rollup.parts.size())}}));
  return data;
}

namespace {

// A value as the table shows it: the figure, yes/no, and a rate's numerator and denominator.
std::string shown_value(const Context& context, const Indicator& indicator, const Value& value) {
  const auto number = effective_value(indicator, value);
  std::string shown = number ? figure_text(indicator, *number, context.catalog()) : "–";
  if (value.numerator && value.denominator) {
    shown += " (" + i18n::format_number(*value.numerator, 0, context.language) + " / " +
             i18n::format_number(*value.denominator, 0, context.language) + ")";
  }
  return shown;
}

// Met or not met against the target for the value's period and area, if there is one.
std::string verdict_of(const Context& context, const Indicator& indicator, const Value& value,
                       const std::vector<Target>& targets) {
  const auto number = effective_value(indicator, value);
  if (!number) return {};
  const auto* target = target_for(targets, value.period, value.area_id);
  if (target == nullptr) return {};
  return status_label(meets(*target, *number) ? Status::met : Status::not_met, context.catalog());
}

void set_details(view::Data& row, const Context& context, const Value& value) {
  row.set("note", view::text(value.note));
  row.set("provenance",
          value.origin == "imported"
              ? context.catalog().format("indicator_imported_from", {{"file", value.import_file},
                                                                     {"table", value.import_table}})
              : context.text("indicator_typed"));
  row.set("updated", i18n::format_iso_date(value.updated_at, context.language));
}

}  // namespace

view::Data data_table(const Context& context, const Indicator& indicator,
                      const std::vector<Value>& values,
                      const std::map<long long, std::string>& areas,
                      const std::vector<Target>& targets, bool with_details) {
  auto rows = view::list();
  for (const auto& value : values) {
    view::Data row;
    row.set("id", std::to_string(value.id));
    row.set("indicator_id", std::to_string(indicator.id));
    row.set("period", period_label(value.period, context.language));
    const auto area = value.area_id ? areas.find(*value.area_id) : areas.end();
    row.set("area", area == areas.end() ? context.text("indicator_area_whole") : area->second);
    row.set("value", shown_value(context, indicator, value));
    row.set("verdict", view::text(verdict_of(context, indicator, value, targets)));
    row.set("example", view::flag(value.example));
    row.set("preliminary", view::flag(value.status == "preliminary"));
    if (with_details) set_details(row, context, value);
    rows.push_back(row);
  }
  return rows;
}

std::vector<web::Field> value_fields(const Context& context, soci::session& sql,
                                     const Indicator& indicator, const Value& value,
                                     const TypedValue& typed) {
  std::vector<web::Field> fields{
      {.name = "period",
       .label = context.text("indicator_value_period"),
       .value = value.period,
       .kind = indicator.frequency == "event" ? Kind::date : Kind::text,
       .required = true,
       .hint = context.catalog().format(
           "indicator_period_hint",
           {{"frequency", context.text("frequency_" + indicator.frequency)}})},
  };
  auto areas = area_options(context, sql, indicator);
  if (areas.size() > 1) {
    fields.push_back({.name = "area_id",
                      .label = context.text("indicator_value_area"),
                      .value = value.area_id ? std::to_string(*value.area_id) : "",
                      .kind = Kind::select,
                      .options = std::move(areas)});
  }
  if (indicator.unit == "ratio") {
    fields.push_back({.name = "numerator",
                      .label = context.text("indicator_numerator"),
                      .value = typed.numerator,
                      .required = true});
    fields.push_back({.name = "denominator",
                      .label = context.text("indicator_denominator"),
                      .value = typed.denominator,
                      .required = true});
  } else if (indicator.unit == "yes_no") {
    fields.push_back(
        {.name = "value",
         .label = context.text("indicator_value"),
         .value = typed.value,
         .kind = Kind::select,
         .required = true,
         .options = {{"1", context.text("answer_yes")}, {"0", context.text("answer_no")}}});
  } else {
    fields.push_back({.name = "value",
                      .label = context.text("indicator_value"),
                      .value = typed.value,
                      .required = true,
                      .hint = context.text("indicator_value_hint")});
  }
  fields.push_back(
      {.name = "status",
       .label = context.text("indicator_value_status"),
       .value = value.status,
       .kind = Kind::select,
       .required = true,
       .options = web::coded_options(kValueStatuses, "value_status_", context.catalog())});
  fields.push_back({.name = "note",
                    .label = context.text("indicator_value_note"),
                    .value = value.note,
                    .kind = Kind::textarea,
                    .rows = 2});
  return fields;
}

}  // namespace samtryg::indicators
