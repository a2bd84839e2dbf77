// On a body's agenda, as a standing item: the crime picture per focus area (seed 001: at every
// ordinary meeting the police account for the crime picture against the council's focus areas).
// Each indicator with figures gives its latest figure, how it stands against its target and
// whether the figures are new since the previous meeting; those off target come first.
#include <algorithm>
#include <map>
#include <set>

#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

namespace {

// Charts per focus area on the agenda: the first few (those off target come first) say enough;
// every indicator stays in the text.
constexpr std::size_t kChartsPerArea = 4;

struct Line {
  bool off_target = false;
  std::string text;
  const IndicatorRecord* record = nullptr;
};

meetings::Figure chart_of(const web::Context& context, const IndicatorRecord& record,
                          long long area) {
  auto chart = time_series_of(record.indicator, record.targets, record.values,
                              record.assessment.target_id, context.catalog());
  chart.id = "agenda-" + std::to_string(area) + "-" + std::to_string(record.indicator.id);
  chart.size = {560, 240};
  return {0, charts::time_series(chart), chart.title,
          chart.description.empty() ? chart.title : chart.description};
}

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

// The figure a line reports: the one the status rests on, or, for an indicator without a target,
// its latest figure for the whole plan up to the meeting's day. Nothing without figures.
std::optional<std::pair<double, std::string>> reported_figure(const IndicatorRecord& record,
                                                              const std::string& until) {
  if (record.assessment.latest) {
    return std::pair{*record.assessment.latest, record.assessment.latest_period};
  }
  if (record.assessment.target_id != 0) return std::nullopt;
  const auto* latest = latest_value_within(record.values, "0001-01-01", until);
  if (latest == nullptr || !latest->value) return std::nullopt;
  return std::pair{*latest->value, latest->period};
}

Line line_of(const web::Context& context, const IndicatorRecord& record,
             const std::pair<double, std::string>& figure, const meetings::AgendaPeriod& period) {
  const auto& assessment = record.assessment;
  const auto& catalog = context.catalog();
  const bool has_target = assessment.latest.has_value();
  auto text = catalog.format(
      has_target ? "agenda_indicator_line" : "agenda_indicator_line_no_target",
      {{"indicator", record.indicator.name},
       {"figure", figure_text(record.indicator, figure.first, catalog)},
       {"period", period_label(figure.second, context.language)},
       {"status", has_target ? status_label(assessment.status, catalog) : std::string()}});
  if (has_new_figures(record, period.since))
    text.append(" ").append(context.text("agenda_indicator_new"));
  return {off_target(assessment.status), std::move(text), &record};
}

std::vector<meetings::AgendaSuggestion> picture_suggestion(web::Context& context,
                                                           soci::session& sql,
                                                           const meetings::AgendaPeriod& period) {
  const auto actor = context.actor();
  if (!actor.read_all) return {};
  // Focus area → its lines; 0 for indicators that follow up no focus area.
  std::map<long long, std::vector<Line>> by_area;
  const auto records = plan_indicators(sql, actor, 0, period.until);
  for (const auto& record : records) {
    const auto figure = reported_figure(record, period.until);
    if (!figure) continue;  // no figures: nothing to account for yet
    std::set<long long> areas;
    for (const auto& link : record.links) {
      if (link.focus_area_id) areas.insert(*link.focus_area_id);
    }
    if (areas.empty()) areas.insert(0);
    const auto line = line_of(context, record, *figure, period);
    for (const auto area : areas) by_area[area].push_back(line);
  }
  std::vector<meetings::AgendaSuggestion> out;
  for (auto& [area, lines] : by_area) {
    std::stable_partition(lines.begin(), lines.end(),
                          [](const Line& line) { return line.off_target; });
    std::vector<std::string> texts;
    texts.reserve(lines.size());
    std::vector<meetings::Figure> figures;
    for (auto& line : lines) {
      if (figures.size() < kChartsPerArea) figures.push_back(chart_of(context, *line.record, area));
      texts.push_back(std::move(line.text));
    }
    const auto focus_area = area == 0 ? std::nullopt : strategy::find_focus_area(sql, actor, area);
    out.push_back(
        {focus_area ? context.catalog().format("agenda_picture_title", {{"area", focus_area->name}})
                    : context.text("agenda_picture_title_other"),
         meetings::agenda_lines(texts), std::move(figures)});
  }
  return out;
}

}  // namespace

void add_agenda_source(web::App& app) {
  app.services().hooks.get<meetings::AgendaSources>().sources.push_back({30, picture_suggestion});
}

}  // namespace samtryg::indicators
