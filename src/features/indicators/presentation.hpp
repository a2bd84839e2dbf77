#pragma once
// How indicators read to a person in their language: figures with unit and decimals, periods,
// targets ("≥ 70 %"), statuses and the sentence that explains a status. Shared by the pages,
// the export and (later) the compiled report. No I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n/catalog.hpp"
#include "features/indicators/charts.hpp"
#include "features/indicators/model.hpp"

namespace samtryg::indicators {

std::string format_figure(const Indicator& indicator, double value, i18n::Language language);
// A figure as a person reads it: "Ja"/"Nej" for a yes/no indicator, else format_figure's.
std::string figure_text(const Indicator& indicator, double value, const i18n::Catalog& catalog);
charts::Formatter figure_formatter(const Indicator& indicator, i18n::Language language);
// "2017", "3. kvartal 2017", "september 2017", a date for events.
std::string period_label(std::string_view period, i18n::Language language);
// A figure as a person types it ("12,5", "1.234,5", "12.5"); empty text is no figure, and text
// that is not a number adds "figure_invalid" for `field`.
std::optional<double> parse_typed_figure(std::string_view text, std::string_view field,
                                         validation::Errors& errors);
// "≥ 70 %", "60–80", "≤ 100 (2016)", "each event ≥ 20".
std::string target_text(const Indicator& indicator, const Target& target,
                        const i18n::Catalog& catalog);
std::string status_label(Status status, const i18n::Catalog& catalog);
// The sentence under a status: which value, against which target, and why.
std::string status_explanation(const Indicator& indicator, const TargetAssessment& assessment,
                               const std::vector<Target>& targets, const i18n::Catalog& catalog);
// The target a value of `period` (for `area_id`) is held against, if any.
const Target* target_for(const std::vector<Target>& targets, std::string_view period,
                         std::optional<long long> area_id);

// The indicator's time series (whole plan, or the area with most values when there is no
// whole-plan value) with the headline target, ready to draw.
charts::TimeSeries time_series_of(const Indicator& indicator, const std::vector<Target>& targets,
                                  const std::vector<Value>& values, long long headline_target,
                                  const i18n::Catalog& catalog);

// The areas side by side, for the latest period that has values for two areas or more;
// nothing when no period has.
std::optional<charts::BarChart> area_bar_chart(const Indicator& indicator,
                                               const std::vector<Value>& values,
                                               const std::map<long long, std::string>& area_names,
                                               const i18n::Catalog& catalog);

// How one area stands: its latest value and, when the area has a target of its own, that
// target and its status.
struct AreaStanding {
  std::string area;
  std::string latest;  // "71 % (2017)", or the "no value" text
  std::string target;  // empty: the area has no target of its own
  std::string status;  // empty with the target
  bool example = false;
};

// One line per area that has values or a target of its own, sorted by area name in the
// catalog's language. `today` decides which target periods are over.
std::vector<AreaStanding> area_standings(const Indicator& indicator,
                                         const std::vector<Target>& targets,
                                         const std::vector<Value>& values,
                                         const std::map<long long, std::string>& area_names,
                                         std::string_view today, const i18n::Catalog& catalog);

}  // namespace samtryg::indicators
