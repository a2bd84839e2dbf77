#include "features/indicators/presentation.hpp"

#include <map>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/validation/fields.hpp"
#include "features/statistics/csv.hpp"
#include "features/statistics/period.hpp"

namespace samtryg::indicators {

namespace {

std::string comparator_sign(std::string_view comparator) {
  if (comparator == "ge") return "≥";
  if (comparator == "le") return "≤";
  return "=";
}

}  // namespace

std::string format_figure(const Indicator& indicator, double value, i18n::Language language) {
  if (indicator.unit == "percent") return i18n::format_percent(value, indicator.decimals, language);
  auto text = i18n::format_number(value, indicator.decimals, language);
  if (indicator.unit == "currency" && !indicator.currency.empty()) {
    text += " " + indicator.currency;
  }
  return text;
}

std::string figure_text(const Indicator& indicator, double value, const i18n::Catalog& catalog) {
  if (indicator.unit == "yes_no")
    return std::string(catalog.text(value >= 1 ? "answer_yes" : "answer_no"));
  return format_figure(indicator, value, catalog.language());
}

charts::Formatter figure_formatter(const Indicator& indicator, i18n::Language language) {
  return [indicator, language](double value) {
    // Axis ticks are round numbers: no decimals unless the step needs them.
    auto shown = indicator;
    shown.decimals = value == static_cast<double>(static_cast<long long>(value))
                         ? 0
                         : std::max(1, indicator.decimals);
    return format_figure(shown, value, language);
  };
}

std::string period_label(std::string_view period, i18n::Language language) {
  if (validation::is_iso_date(period)) return i18n::format_iso_date(period, language);
  const auto parsed = stats::parse_period(period);
  if (!parsed) return std::string(period);
  const auto& catalog = i18n::Catalog::get(language);
  const auto values = i18n::Catalog::Values{{"year", std::to_string(parsed->year)},
                                            {"number", std::to_string(parsed->number)}};
  switch (parsed->kind) {
    case stats::PeriodKind::month:
      return i18n::format_month(parsed->year, parsed->number, language);
    case stats::PeriodKind::quarter:
      return catalog.format("period_quarter", values);
    case stats::PeriodKind::tertial:
      return catalog.format("period_tertial", values);
    case stats::PeriodKind::half:
      return catalog.format("period_half", values);
    case stats::PeriodKind::week:
      return catalog.format("period_week", values);
    case stats::PeriodKind::year:
    case stats::PeriodKind::school_year:
      break;
  }
  return parsed->code();
}

std::optional<double> parse_typed_figure(std::string_view text, std::string_view field,
                                         validation::Errors& errors) {
  const auto trimmed = trim(text);
  if (trimmed.empty()) return std::nullopt;
  double value = 0;
  if (!stats::parse_number(trimmed, true, value)) {
    errors.add(std::string(field), "figure_invalid");
    return std::nullopt;
  }
  return value;
}

std::string target_text(const Indicator& indicator, const Target& target,
                        const i18n::Catalog& catalog) {
  const auto language = catalog.language();
  std::string text;
  if (target.comparator == "between" && target.high) {
    text = format_figure(indicator, target.value, language) + " – " +
           format_figure(indicator, *target.high, language);
  } else if (indicator.unit == "yes_no") {
    text = std::string(catalog.text(target.value >= 1 ? "answer_yes" : "answer_no"));
  } else {
    text =
        comparator_sign(target.comparator) + " " + format_figure(indicator, target.value, language);
  }
  if (target.per_event) text = catalog.format("target_per_event", {{"target", text}});
  if (!target.period_start.empty() || !target.period_end.empty()) {
    const auto day = [&](const std::string& iso) {
      if (iso.empty()) return std::string("…");
      return period_label(iso, language);
    };
    // A target for a whole calendar year reads as that year.
    if (target.period_start.size() == 10 && target.period_end.size() == 10 &&
        target.period_start.substr(0, 4) == target.period_end.substr(0, 4) &&
        target.period_start.substr(4) == "-01-01" && target.period_end.substr(4) == "-12-31") {
      text += " (" + target.period_start.substr(0, 4) + ")";
    } else {
      text += " (" + day(target.period_start) + " – " + day(target.period_end) + ")";
    }
  }
  return text;
}

std::string status_label(Status status, const i18n::Catalog& catalog) {
  return std::string(catalog.text("indicator_status_" + status_name(status)));
}

const Target* target_for(const std::vector<Target>& targets, std::string_view period,
                         std::optional<long long> area_id) {
  const auto [first, last] = period_days(period);
  if (first.empty()) return nullptr;
  const Target* found = nullptr;
  for (const auto& target : targets) {
    if (target.area_id != area_id) continue;
    if (!target.period_start.empty() && first < target.period_start) continue;
    if (!target.period_end.empty() && last > target.period_end) continue;
    // The narrowest target wins: a target for 2016 over an open-ended one.
    if (found == nullptr || (found->period_end.empty() && !target.period_end.empty())) {
      found = &target;
    }
  }
  return found;
}

std::string status_explanation(const Indicator& indicator, const TargetAssessment& assessment,
                               const std::vector<Target>& targets, const i18n::Catalog& catalog) {
  const Target* target = nullptr;
  for (const auto& candidate : targets) {
    if (candidate.id == assessment.target_id) target = &candidate;
  }
  if (target == nullptr) return std::string(catalog.text("indicator_explain_no_target"));
  const auto language = catalog.language();
  const auto goal = target_text(indicator, *target, catalog);
  if (assessment.status == Status::no_data) {
    return catalog.format("indicator_explain_no_data", {{"target", goal}});
  }
  const auto status = status_label(assessment.status, catalog);
  if (target->per_event) {
    return catalog.format("indicator_explain_events",
                          {{"met", std::to_string(assessment.events_met)},
                           {"count", std::to_string(assessment.events)},
                           {"target", goal},
                           {"status", status}});
  }
  const auto latest = figure_text(indicator, assessment.latest.value_or(0), catalog);
  const auto period = period_label(assessment.latest_period, language);
  if (assessment.projected) {
    return catalog.format("indicator_explain_trend",
                          {{"latest", latest},
                           {"period", period},
                           {"projected", figure_text(indicator, *assessment.projected, catalog)},
                           {"target", goal},
                           {"status", status}});
  }
  return catalog.format(
      "indicator_explain_final",
      {{"latest", latest}, {"period", period}, {"target", goal}, {"status", status}});
}

charts::TimeSeries time_series_of(const Indicator& indicator, const std::vector<Target>& targets,
                                  const std::vector<Value>& values, long long headline_target,
                                  const i18n::Catalog& catalog) {
  const auto language = catalog.language();
  // Whole-plan values when there are any, else the area with the most values.
  std::optional<long long> area;
  bool whole_plan = false;
  std::map<long long, int> per_area;
  for (const auto& value : values) {
    if (value.area_id) {
      ++per_area[*value.area_id];
    } else {
      whole_plan = true;
    }
  }
  if (!whole_plan && !per_area.empty()) {
    area = std::max_element(per_area.begin(), per_area.end(), [](const auto& a, const auto& b) {
             return a.second < b.second;
           })->first;
  }
  charts::TimeSeries chart;
  chart.id = "indicator-" + std::to_string(indicator.id);
  chart.title = indicator.name;
  chart.format = figure_formatter(indicator, language);
  chart.met_label = status_label(Status::met, catalog);
  chart.not_met_label = status_label(Status::not_met, catalog);
  chart.example_label = std::string(catalog.text("indicator_example_data"));
  std::string described;
  for (const auto& value : values) {
    if (value.area_id != area) continue;
    const auto number = effective_value(indicator, value);
    charts::Point point{period_label(value.period, language), number, std::nullopt, value.example};
    if (number) {
      if (const auto* target = target_for(targets, value.period, area)) {
        point.met = meets(*target, *number);
      }
      if (!described.empty()) described += "; ";
      described += point.label + ": " + format_figure(indicator, *number, language);
    }
    chart.points.push_back(std::move(point));
  }
  for (const auto& target : targets) {
    if (target.id != headline_target) continue;
    chart.target = charts::TargetMark{
        target.value, target.comparator == "between" ? target.high : std::optional<double>(),
        std::string(catalog.text("indicator_target")) + " " +
            target_text(indicator, target, catalog)};
  }
  chart.description =
      described.empty() ? std::string(catalog.text("indicator_no_values")) : described;
  if (chart.target) chart.description += ". " + chart.target->label;
  return chart;
}

std::optional<charts::BarChart> area_bar_chart(const Indicator& indicator,
                                               const std::vector<Value>& values,
                                               const std::map<long long, std::string>& area_names,
                                               const i18n::Catalog& catalog) {
  const auto language = catalog.language();
  std::map<std::string, std::vector<const Value*>> by_period;
  for (const auto& value : values) {
    if (value.area_id) by_period[value.period].push_back(&value);
  }
  for (auto it = by_period.rbegin(); it != by_period.rend(); ++it) {
    if (it->second.size() < 2) continue;
    charts::BarChart bars;
    bars.id = "areas-" + std::to_string(indicator.id);
    bars.title =
        catalog.format("indicator_areas_title",
                       {{"name", indicator.name}, {"period", period_label(it->first, language)}});
    bars.format = figure_formatter(indicator, language);
    bars.no_value_label = std::string(catalog.text("indicator_no_value"));
    bars.example_label = std::string(catalog.text("indicator_example_data"));
    auto shown = it->second;
    i18n::sort_by_name(shown, language, [&](const Value* value) {
      const auto found = area_names.find(*value->area_id);
      return found != area_names.end() ? found->second : std::string();
    });
    std::string described;
    for (const auto* value : shown) {
      const auto number = effective_value(indicator, *value);
      const auto found = area_names.find(*value->area_id);
      const auto name = found != area_names.end() ? found->second : std::string();
      bars.bars.push_back({name, number, false, value->example});
      if (!number) continue;
      if (!described.empty()) described += "; ";
      described += name + ": " + format_figure(indicator, *number, language);
      if (value->example) described += " (" + bars.example_label + ")";
    }
    bars.description = described;
    return bars;
  }
  return std::nullopt;
}

namespace {

// Each area's value of the latest period that has a figure.
std::map<long long, const Value*> latest_by_area(const Indicator& indicator,
                                                 const std::vector<Value>& values) {
  std::map<long long, const Value*> latest;
  for (const auto& value : values) {
    if (!value.area_id || !effective_value(indicator, value)) continue;
    auto& known = latest[*value.area_id];
    if (known == nullptr || period_days(known->period).second < period_days(value.period).second) {
      known = &value;
    }
  }
  return latest;
}

}  // namespace

std::vector<AreaStanding> area_standings(const Indicator& indicator,
                                         const std::vector<Target>& targets,
                                         const std::vector<Value>& values,
                                         const std::map<long long, std::string>& area_names,
                                         std::string_view today, const i18n::Catalog& catalog) {
  const auto language = catalog.language();
  const auto latest = latest_by_area(indicator, values);
  std::map<long long, const Target*> own_target;
  for (const auto& target : targets) {
    if (target.area_id) own_target.emplace(*target.area_id, &target);
  }
  std::vector<AreaStanding> standings;
  for (const auto& [area_id, name] : area_names) {
    const auto* value = latest.count(area_id) != 0 ? latest.at(area_id) : nullptr;
    const auto* target = own_target.count(area_id) != 0 ? own_target.at(area_id) : nullptr;
    if (value == nullptr && target == nullptr) continue;
    AreaStanding standing;
    standing.area = name;
    if (value != nullptr) {
      standing.latest = format_figure(indicator, *effective_value(indicator, *value), language) +
                        " (" + period_label(value->period, language) + ")";
      standing.example = value->example;
      // The target for the latest value's period, when the area has several.
      if (const auto* for_period = target_for(targets, value->period, area_id);
          for_period != nullptr && for_period->area_id) {
        target = for_period;
      }
    } else {
      standing.latest = std::string(catalog.text("indicator_no_value"));
    }
    if (target != nullptr) {
      standing.target = target_text(indicator, *target, catalog);
      standing.status = status_label(assess(indicator, *target, values, today).status, catalog);
    }
    standings.push_back(std::move(standing));
  }
  i18n::sort_by_name(standings, language, [](const AreaStanding& line) { return line.area; });
  return standings;
}

}  // namespace samtryg::indicators
