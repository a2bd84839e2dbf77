#pragma once
// Indicators, their targets and values, and how a status is worked out from them, with no
// I/O. An indicator follows up initiatives and focus areas; a target says what counts as
// success for a period (or for each event); values come per period × area, typed in or
// imported from statistics tables.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/validation.hpp"

namespace samtryg::indicators {

inline constexpr std::string_view kUnits[] = {"percent",      "count", "currency",
                                              "index_points", "ratio", "yes_no"};
inline constexpr std::string_view kDirections[] = {"higher", "lower", "on_target"};
inline constexpr std::string_view kSources[] = {"survey", "police_statistics",
                                                "official_statistics", "own_registration"};
inline constexpr std::string_view kFrequencies[] = {"year",    "school_year", "tertial",
                                                    "quarter", "month",       "event"};
inline constexpr std::string_view kAreaKinds[] = {
    "country", "municipality", "police_district", "city_district", "housing_area",
    "school",  "other"};
inline constexpr std::string_view kComparators[] = {"ge", "le", "eq", "between"};
inline constexpr std::string_view kValueStatuses[] = {"preliminary", "final"};

struct Area {
  long long id = 0;
  long long workspace_id = 0;
  std::string name;
  std::string kind = "municipality";
  std::string code;  // the statistics office's code, e.g. "0851" or "851"
};

struct Indicator {
  long long id = 0;
  long long workspace_id = 0;
  std::optional<long long> plan_id;
  std::string name;
  std::string definition;
  std::string unit = "count";
  std::string currency;  // DKK, SEK … for currency indicators
  int decimals = 0;
  std::string direction = "higher";
  std::string source = "own_registration";
  std::string source_note;  // "Politiets Tryghedsindeks", "SCB BE0101"
  std::string frequency = "year";
  std::optional<double> baseline;
  std::string baseline_period;
  bool published = true;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

// What the indicator follows up; weight counts in the roll-up to that initiative or plan.
struct Link {
  long long indicator_id = 0;
  std::optional<long long> initiative_id;
  std::optional<long long> focus_area_id;
  double weight = 1;
};

struct Target {
  long long id = 0;
  long long indicator_id = 0;
  std::string comparator = "ge";
  double value = 0;
  std::optional<double> high;  // "between": value ≤ x ≤ high
  std::string period_start;    // ISO dates; empty: open-ended
  std::string period_end;
  std::optional<long long> area_id;  // empty: the whole plan
  bool per_event = false;            // each walk / visit on its own
  std::string note;
};

struct Value {
  long long id = 0;
  long long indicator_id = 0;
  std::string period;  // canonical period code (2017, 2017Q3 …) or the event's ISO date
  std::optional<long long> area_id;
  std::optional<double> value;
  std::optional<double> numerator;  // ratio indicators
  std::optional<double> denominator;
  std::string status = "final";
  std::string note;
  std::string origin = "typed";  // typed | imported
  std::optional<long long> entered_by;
  std::string import_file;
  std::string import_table;
  bool example = false;  // demo figures the seeds do not give
  std::string updated_at;
};

inline constexpr std::size_t kMaxName = 200;
inline constexpr std::size_t kMaxText = 5000;

validation::Errors validate_area(const Area& area);
validation::Errors validate_indicator(const Indicator& indicator);
// A target's figures are checked against its indicator's unit (a share is 0–100 %).
validation::Errors validate_target(const Indicator& indicator, const Target& target);
// Checks the value against its indicator: the period fits the frequency, yes/no values are
// 0 or 1, ratios have a positive denominator, the figure is within the unit's range (a share
// 0–100 %, a count not negative, nothing beyond 10^12). Pages, API and import all call it.
validation::Errors validate_value(const Indicator& indicator, const Value& value);
// validate_value's two halves, for an import that checks each distinct period once and the
// figures, status and note of every value.
void check_value_period(validation::Errors& errors, const Indicator& indicator,
                        std::string_view period);
void check_value_figures(validation::Errors& errors, const Indicator& indicator,
                         const Value& value);

// The number a value stands for: numerator / denominator for ratios (× 100 for percent).
std::optional<double> effective_value(const Indicator& indicator, const Value& value);

// A period code as stored: canonical for periodic indicators, the ISO date for per-event
// ones. Empty when `text` is not a period of that frequency.
std::string normalise_period(const Indicator& indicator, std::string_view text);
// The period a value reported for a round from `first_day` to `last_day` belongs to: the one
// holding the round's middle day (a round of 21 Jan 2017 – 14 Jan 2018 reports on 2017).
// Empty for per-event indicators and dates that are not ISO days.
std::string suggested_period(const Indicator& indicator, std::string_view first_day,
                             std::string_view last_day);
// The whole-plan value of the latest period that overlaps the days `first_day`..`last_day` (a
// reporting round's period), or nothing.
const Value* latest_value_within(const std::vector<Value>& values, std::string_view first_day,
                                 std::string_view last_day);
// The period before the one holding `today` ("2025" on a day in 2026) for a periodic indicator:
// its figures are the ones due now. Empty for per-event indicators.
std::string period_due(const Indicator& indicator, std::string_view today);
// Whether the figure of period_due is still missing: no value (of the whole plan or an area)
// for that period or a later one.
bool awaits_figures(const Indicator& indicator, const std::vector<Value>& values,
                    std::string_view today);
// First and last ISO day of a stored period.
std::pair<std::string, std::string> period_days(std::string_view period);

bool meets(const Target& target, double value);

// no_target: nothing to measure against; no_data: a target, but no value to hold up to it yet.
enum class Status { no_data, met, not_met, on_track, at_risk, no_target };
std::string status_name(Status status);
// Whether `status` says how the indicator stands (met … at risk), rather than why it cannot.
bool is_assessed(Status status);

// How one target stands, with the figures that explain it.
struct TargetAssessment {
  Status status = Status::no_data;
  long long target_id = 0;
  std::optional<double> latest;  // the latest value the status rests on
  std::string latest_period;
  std::optional<double> projected;  // running periods: where the trend leads by the end
  int events = 0;                   // per-event targets: how many events and how many met
  int events_met = 0;
};

// `today` decides which periods are over. A target whose period has ended is met or not
// met by the last value in it (per event: by every event in it); a running or open-ended
// target is on track or at risk by the latest value and the trend of the last three.
TargetAssessment assess(const Indicator& indicator, const Target& target,
                        const std::vector<Value>& values, std::string_view today);

// The indicator's status: the one of its current target (the running one, else the one that
// ended last); no_target without a target for the whole plan, no_data without values.
TargetAssessment assess_indicator(const Indicator& indicator, const std::vector<Target>& targets,
                                  const std::vector<Value>& values, std::string_view today);

struct RollupPart {
  long long indicator_id = 0;
  std::string name;
  double weight = 1;
  Status status = Status::no_data;
};

// An initiative's or plan's status from its indicators: the weighted share of those met or
// on track among those with a status. All met → met; all met or on track → on track; at least half
// → at risk; less → not met; none with a status → no data.
struct Rollup {
  Status status = Status::no_data;
  double share = 0;  // 0..1
  double weight_assessed = 0;
  std::vector<RollupPart> parts;
};
Rollup roll_up(std::vector<RollupPart> parts);

// What writing a value did: a new key, new figures for a key, or the same figures again.
enum class Upsert { inserted, updated, unchanged };

// A statistics file uploaded and parsed, kept until its mapping is confirmed or it expires.
struct StagedImport {
  long long id = 0;
  long long workspace_id = 0;
  std::optional<long long> user_id;
  std::optional<long long> plan_id;
  std::string file_name;
  std::string content;
  std::string created_at;
};

}  // namespace samtryg::indicators
