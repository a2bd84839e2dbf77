// On a body's agenda, as a standing item: the crime picture per focus area (seed 001: at every
// ordinary meeting the police account for the crime picture against the council's focus areas).
// Each indicator with figures gives its latest figure, how it stands against its target and
// whether the figures are new since the previous meeting; those off target come first.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

namespace {

struct Line {
  bool off_target = false;
  std::string text;
};

bool off_target(Status status) {
  return status == Status::not_met || status == Status::at_risk;
}

// Whether a figure was entered or changed after the previous meeting's day (always, for a body's
// first meeting).
bool has_new_figures(const IndicatorRecord& record, const std::string& since) {
  return std::any_of(record.values.begin(), record.values.end(), [&](const Value& value) {
    return since.empty() || value.updated_at.substr(0, 10) > since;
  });
}

Line line_of(const web::Context& context, const IndicatorRecord& record,
             const meetings::AgendaPeriod& period) {
  const auto& assessment = record.assessment;
  const auto& catalog = context.catalog();
  auto text =
      catalog.format("agenda_indicator_line",
                     {{"indicator", record.indicator.name},
                      {"figure", figure_text(record.indicator, *assessment.latest, catalog)},
                      {"period", period_label(assessment.latest_period, context.language)},
                      {"status", status_label(assessment.status, catalog)}});
  if (has_new_figures(record, period.since))
    text.append(" ").append(context.text("agenda_indicator_new"));
  return {off_target(assessment.status), std::move(text)};
}

std::vector<meetings::AgendaSuggestion> picture_suggestion(web::Context& context,
                                                           soci::session& sql,
                                                           const meetings::AgendaPeriod& period) {
  const auto actor = context.actor();
  if (!actor.read_all) return {};
  // Focus area → its lines; 0 for indicators that follow up no focus area.
  std::map<long long, std::vector<Line>> by_area;
  for (const auto& record : plan_indicators(sql, actor, 0, period.until)) {
    if (!record.assessment.latest) continue;  // no figures: nothing to account for yet
    std::set<long long> areas;
    for (const auto& link : record.links) {
      if (link.focus_area_id) areas.insert(*link.focus_area_id);
    }
    if (areas.empty()) areas.insert(0);
    const auto line = line_of(context, record, period);
    for (const auto area : areas) by_area[area].push_back(line);
  }
  std::vector<meetings::AgendaSuggestion> out;
  for (auto& [area, lines] : by_area) {
    std::stable_partition(lines.begin(), lines.end(),
                          [](const Line& line) { return line.off_target; });
    std::vector<std::string> texts;
    texts.reserve(lines.size());
    for (auto& line : lines) texts.push_back(std::move(line.text));
    const auto focus_area = area == 0 ? std::nullopt : strategy::find_focus_area(sql, actor, area);
    out.push_back(
        {focus_area ? context.catalog().format("agenda_picture_title", {{"area", focus_area->name}})
                    : context.text("agenda_picture_title_other"),
         fmt::format("{}", fmt::join(texts, "\n"))});
  }
  return out;
}

}  // namespace

void add_agenda_source(web::App& app) {
  app.services().hooks.get<meetings::AgendaSources>().sources.push_back({30, picture_suggestion});
}

}  // namespace samtryg::indicators
