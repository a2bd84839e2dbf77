#include "features/indicators/model.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "core/util/time.hpp"
#include "core/validation/fields.hpp"
#include "features/statistics/period.hpp"

namespace samtryg::indicators {

namespace {

using validation::Errors;

std::optional<stats::PeriodKind> kind_of_frequency(std::string_view frequency) {
  if (frequency == "event") return std::nullopt;
  return stats::parse_period_kind(frequency);
}

// Callers pass days already checked (stored periods and targets): one that is not a day throws.
long long day_number(std::string_view iso) {
  return std::chrono::sys_days{parse_iso_day(iso).value()}.time_since_epoch().count();
}

struct Point {
  long long first_day = 0;
  long long last_day = 0;
  std::string period;
  double value = 0;
};

// Least-squares line through the points (x = the period's first day) evaluated at `day`.
double projected_at(const std::vector<Point>& points, long long day) {
  const auto n = static_cast<double>(points.size());
  double sx = 0;
  double sy = 0;
  for (const auto& point : points) {
    sx += static_cast<double>(point.first_day);
    sy += point.value;
  }
  const double mx = sx / n;
  const double my = sy / n;
  double sxy = 0;
  double sxx = 0;
  for (const auto& point : points) {
    const double dx = static_cast<double>(point.first_day) - mx;
    sxy += dx * (point.value - my);
    sxx += dx * dx;
  }
  if (sxx == 0) return points.back().value;
  return my + (sxy / sxx) * (static_cast<double>(day) - mx);
}

// Beyond this a figure is a slip of the keyboard, and it would break every table it is shown
// in ("1e308").
constexpr double kLargestFigure = 1e12;

// A figure of the indicator's unit a person could mean: a share is 0–100 %, a yes/no 0 or 1
// (checked apart), counts and ratios are not negative, nothing is larger than kLargestFigure.
void check_figure(Errors& errors, std::string_view field, const Indicator& indicator,
                  double figure) {
  const std::string name(field);
  if (!std::isfinite(figure) || std::abs(figure) > kLargestFigure) {
    errors.add(name, "indicator_figure_too_large");
  } else if (indicator.unit == "percent" && (figure < 0 || figure > 100)) {
    errors.add(name, "indicator_share_range");
  } else if ((indicator.unit == "count" || indicator.unit == "ratio") && figure < 0) {
    errors.add(name, "indicator_not_negative");
  }
}

}  // namespace

validation::Errors validate_area(const Area& area) {
  Errors errors;
  validation::require(errors, "name", area.name, kMaxName);
  validation::choice(errors, "kind", area.kind, kAreaKinds);
  validation::limit(errors, "code", area.code, 50);
  return errors;
}

validation::Errors validate_indicator(const Indicator& indicator) {
  Errors errors;
  validation::require(errors, "name", indicator.name, kMaxName);
  validation::limit(errors, "definition", indicator.definition, kMaxText);
  validation::choice(errors, "unit", indicator.unit, kUnits);
  validation::choice(errors, "direction", indicator.direction, kDirections);
  validation::choice(errors, "source", indicator.source, kSources);
  validation::choice(errors, "frequency", indicator.frequency, kFrequencies);
  validation::limit(errors, "source_note", indicator.source_note, kMaxName);
  validation::limit(errors, "currency", indicator.currency, 10);
  if (indicator.unit == "currency" && indicator.currency.empty()) {
    errors.add("currency", "field_required");
  }
  if (indicator.decimals < 0 || indicator.decimals > 6) {
    errors.add("decimals", "number_between", {{"min", "0"}, {"max", "6"}});
  }
  if (!indicator.baseline_period.empty() &&
      normalise_period(indicator, indicator.baseline_period).empty()) {
    errors.add("baseline_period", "indicator_period_invalid");
  }
  if (indicator.baseline) check_figure(errors, "baseline", indicator, *indicator.baseline);
  return errors;
}

validation::Errors validate_target(const Indicator& indicator, const Target& target) {
  Errors errors;
  validation::choice(errors, "comparator", target.comparator, kComparators);
  check_figure(errors, "value", indicator, target.value);
  if (target.comparator == "between") {
    if (!target.high) {
      errors.add("high", "field_required");
    } else if (*target.high < target.value) {
      errors.add("high", "target_high_below_low");
    } else {
      check_figure(errors, "high", indicator, *target.high);
    }
  }
  validation::optional_date(errors, "period_start", target.period_start);
  validation::optional_date(errors, "period_end", target.period_end);
  if (validation::is_iso_date(target.period_start) && validation::is_iso_date(target.period_end) &&
      target.period_end < target.period_start) {
    errors.add("period_end", "period_end_before_start");
  }
  validation::limit(errors, "note", target.note, kMaxText);
  return errors;
}

validation::Errors validate_value(const Indicator& indicator, const Value& value) {
  Errors errors;
  check_value_period(errors, indicator, value.period);
  check_value_figures(errors, indicator, value);
  return errors;
}

void check_value_period(validation::Errors& errors, const Indicator& indicator,
                        std::string_view period) {
  if (normalise_period(indicator, period).empty()) {
    errors.add("period",
               indicator.frequency == "event" ? "date_invalid" : "indicator_period_invalid",
               {{"frequency", "t:frequency_" + indicator.frequency}});
  }
}

void check_value_figures(validation::Errors& errors, const Indicator& indicator,
                         const Value& value) {
  validation::choice(errors, "status", value.status, kValueStatuses);
  validation::limit(errors, "note", value.note, kMaxText);
  if (indicator.unit == "ratio" || (value.numerator || value.denominator)) {
    if (!value.numerator) errors.add("numerator", "field_required");
    if (!value.denominator) {
      errors.add("denominator", "field_required");
    } else if (*value.denominator <= 0) {
      errors.add("denominator", "indicator_denominator_positive");
    }
  } else if (!value.value) {
    errors.add("value", "field_required");
  }
  if (indicator.unit == "yes_no" && value.value && *value.value != 0 && *value.value != 1) {
    errors.add("value", "indicator_yes_no");
  }
  if (errors.for_field("value") || errors.for_field("numerator") ||
      errors.for_field("denominator")) {
    return;
  }
  if (value.numerator) {
    // Each half on its own, then what they stand for (69 of 10 is not a share).
    check_figure(errors, "numerator", indicator, *value.numerator);
    check_figure(errors, "denominator", indicator, *value.denominator);
    if (!errors.for_field("numerator") && !errors.for_field("denominator")) {
      check_figure(errors, "numerator", indicator, *effective_value(indicator, value));
    }
  } else if (value.value) {
    check_figure(errors, "value", indicator, *value.value);
  }
}

std::optional<double> effective_value(const Indicator& indicator, const Value& value) {
  if (value.numerator && value.denominator && *value.denominator > 0) {
    const double ratio = *value.numerator / *value.denominator;
    return indicator.unit == "percent" ? ratio * 100 : ratio;
  }
  return value.value;
}

std::string normalise_period(const Indicator& indicator, std::string_view text) {
  if (indicator.frequency == "event") {
    return validation::is_iso_date(text) ? std::string(text) : std::string();
  }
  const auto kind = kind_of_frequency(indicator.frequency);
  const auto period = stats::parse_period(text);
  if (!kind || !period || period->kind != *kind) return "";
  return period->code();
}

std::string suggested_period(const Indicator& indicator, std::string_view first_day,
                             std::string_view last_day) {
  const auto kind = kind_of_frequency(indicator.frequency);
  if (!kind || !validation::is_iso_date(first_day) || !validation::is_iso_date(last_day)) {
    return "";
  }
  const auto middle = (day_number(first_day) + day_number(last_day)) / 2;
  const auto period =
      stats::period_containing(*kind, iso_day(std::chrono::sys_days{std::chrono::days{middle}}));
  return period ? period->code() : std::string();
}

const Value* latest_value_within(const std::vector<Value>& values, std::string_view first_day,
                                 std::string_view last_day) {
  const Value* latest = nullptr;
  std::string latest_end;
  for (const auto& value : values) {
    if (value.area_id) continue;
    const auto [start, end] = period_days(value.period);
    if (start.empty() || start > last_day || end < first_day) continue;
    if (latest == nullptr || end > latest_end) {
      latest = &value;
      latest_end = end;
    }
  }
  return latest;
}

std::pair<std::string, std::string> period_days(std::string_view period) {
  if (validation::is_iso_date(period)) return {std::string(period), std::string(period)};
  const auto parsed = stats::parse_period(period);
  if (!parsed) return {"", ""};
  return {parsed->first_day(), parsed->last_day()};
}

bool meets(const Target& target, double value) {
  constexpr double kTolerance = 1e-9;
  if (target.comparator == "ge") return value >= target.value - kTolerance;
  if (target.comparator == "le") return value <= target.value + kTolerance;
  if (target.comparator == "eq") return std::abs(value - target.value) <= kTolerance;
  if (target.comparator == "between") {
    return value >= target.value - kTolerance &&
           value <= target.high.value_or(target.value) + kTolerance;
  }
  return false;
}

std::string status_name(Status status) {
  switch (status) {
    case Status::met:
      return "met";
    case Status::not_met:
      return "not_met";
    case Status::on_track:
      return "on_track";
    case Status::at_risk:
      return "at_risk";
    case Status::no_target:
      return "no_target";
    case Status::no_data:
      break;
  }
  return "no_data";
}

std::string period_due(const Indicator& indicator, std::string_view today) {
  const auto current = suggested_period(indicator, today, today);
  if (current.empty()) return {};
  const auto first = parse_iso_day(period_days(current).first);
  if (!first) return {};
  const auto day_before =
      iso_day(std::chrono::year_month_day{std::chrono::sys_days(*first) - std::chrono::days(1)});
  return suggested_period(indicator, day_before, day_before);
}

bool awaits_figures(const Indicator& indicator, const std::vector<Value>& values,
                    std::string_view today) {
  const auto due = period_due(indicator, today);
  if (due.empty()) return false;
  const auto due_start = period_days(due).first;
  return std::none_of(values.begin(), values.end(), [&](const Value& value) {
    return (value.value || value.denominator) && period_days(value.period).first >= due_start;
  });
}

bool is_assessed(Status status) {
  return status != Status::no_data && status != Status::no_target;
}

namespace {

// The values that count towards a target, oldest first: those of its area (a per-event
// target for the whole plan counts the events of every area: each walk is in some area)
// whose period has its middle day inside the target's period, so a school year 2024/25 counts
// towards a calendar-year target for 2025.
std::vector<Point> points_within(const Indicator& indicator, const Target& target,
                                 const std::vector<Value>& values) {
  std::vector<Point> points;
  const auto start = target.period_start.empty() ? std::numeric_limits<long long>::min()
                                                 : day_number(target.period_start);
  const auto end = target.period_end.empty() ? std::numeric_limits<long long>::max()
                                             : day_number(target.period_end);
  for (const auto& value : values) {
    const bool any_area = target.per_event && !target.area_id;
    if (!any_area && value.area_id != target.area_id) continue;
    const auto number = effective_value(indicator, value);
    if (!number) continue;
    const auto [first, last] = period_days(value.period);
    if (first.empty()) continue;
    const Point point{day_number(first), day_number(last), value.period, *number};
    const auto middle = point.first_day + (point.last_day - point.first_day) / 2;
    if (middle < start || middle > end) continue;
    points.push_back(point);
  }
  std::sort(points.begin(), points.end(),
            [](const Point& a, const Point& b) { return a.first_day < b.first_day; });
  return points;
}

// Where a trend can lead for the unit: a share stays within 0–100 %, a yes/no within 0–1, a
// count or ratio does not fall below zero.
double within_unit(const Indicator& indicator, double projected) {
  if (indicator.unit == "percent") return std::clamp(projected, 0.0, 100.0);
  if (indicator.unit == "yes_no") return std::clamp(projected, 0.0, 1.0);
  if (indicator.unit == "count" || indicator.unit == "ratio") return std::max(projected, 0.0);
  return projected;
}

// A target met at every event (every walk, every meeting) rather than by a trend.
void assess_per_event(TargetAssessment& result, const Target& target,
                      const std::vector<Point>& points, bool ended) {
  result.events = static_cast<int>(points.size());
  result.events_met = static_cast<int>(std::count_if(
      points.begin(), points.end(), [&](const Point& p) { return meets(target, p.value); }));
  const bool all = result.events_met == result.events;
  result.status =
      ended ? (all ? Status::met : Status::not_met) : (all ? Status::on_track : Status::at_risk);
}

// Still running: the recent trend projected to the target's end.
void assess_trend(TargetAssessment& result, const Indicator& indicator, const Target& target,
                  const std::vector<Point>& points) {
  const std::vector<Point> recent(points.end() - std::min<std::ptrdiff_t>(3, std::ssize(points)),
                                  points.end());
  long long horizon = 0;
  if (!target.period_end.empty()) {
    horizon = day_number(target.period_end);
  } else {
    // Open-ended: one period beyond the latest value.
    horizon = recent.back().last_day + (recent.back().last_day - recent.back().first_day + 1);
  }
  const double projected = within_unit(
      indicator, recent.size() >= 2 ? projected_at(recent, horizon) : recent.back().value);
  result.projected = projected;
  result.status = meets(target, projected) ? Status::on_track : Status::at_risk;
}

}  // namespace

TargetAssessment assess(const Indicator& indicator, const Target& target,
                        const std::vector<Value>& values, std::string_view today) {
  TargetAssessment result;
  result.target_id = target.id;
  const auto points = points_within(indicator, target, values);
  if (points.empty()) return result;
  result.latest = points.back().value;
  result.latest_period = points.back().period;
  const bool ended = !target.period_end.empty() && target.period_end < today;
  if (target.per_event) {
    assess_per_event(result, target, points, ended);
  } else if (ended) {
    result.status = meets(target, points.back().value) ? Status::met : Status::not_met;
  } else {
    assess_trend(result, indicator, target, points);
  }
  return result;
}

TargetAssessment assess_indicator(const Indicator& indicator, const std::vector<Target>& targets,
                                  const std::vector<Value>& values, std::string_view today) {
  const Target* current = nullptr;
  const auto running = [&](const Target& target) {
    return (target.period_start.empty() || target.period_start <= today) &&
           (target.period_end.empty() || target.period_end >= today);
  };
  for (const auto& target : targets) {
    if (target.area_id) continue;  // area targets show on their own, not as the headline
    if (target.period_start > today) continue;
    const bool better =
        current == nullptr || (running(target) && !running(*current)) ||
        (running(target) == running(*current) && target.period_end > current->period_end);
    if (better) current = &target;
  }
  if (current == nullptr) {
    TargetAssessment untargeted;
    untargeted.status = Status::no_target;
    return untargeted;
  }
  return assess(indicator, *current, values, today);
}

Rollup roll_up(std::vector<RollupPart> parts) {
  Rollup rollup;
  double good = 0;
  bool all_met = true;
  for (const auto& part : parts) {
    if (!is_assessed(part.status) || part.weight <= 0) continue;
    rollup.weight_assessed += part.weight;
    if (part.status == Status::met || part.status == Status::on_track) good += part.weight;
    all_met = all_met && part.status == Status::met;
  }
  rollup.parts = std::move(parts);
  if (rollup.weight_assessed == 0) return rollup;
  rollup.share = good / rollup.weight_assessed;
  rollup.status = all_met                    ? Status::met
                  : rollup.share >= 1 - 1e-9 ? Status::on_track
                  : rollup.share >= 0.5      ? Status::at_risk
                                             : Status::not_met;
  return rollup;
}

}  // namespace samtryg::indicators
