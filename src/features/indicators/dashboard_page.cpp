// A plan's indicator dashboard: the roll-up, and a card per indicator with its status
// explained, a chart and the figures behind it.
#include "core/util/time.hpp"
#include "core/web/page.hpp"
#include "features/indicators/charts.hpp"
#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

namespace {

Response show_dashboard(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto plan = strategy::readable_plan(database, actor, context.path_id());
  const auto records = plan_indicators(database, actor, plan.id, today_iso_utc());
  auto sql = database.session();
  const auto areas = area_names(sql, actor);

  auto cards = view::list();
  for (const auto& record : records) {
    const auto& indicator = record.indicator;
    view::Data card;
    card.set("id", std::to_string(indicator.id));
    card.set("name", indicator.name);
    card.set("status", status_label(record.assessment.status, context.catalog()));
    card.set("class", status_class(record.assessment.status));
    card.set("explanation",
             status_explanation(indicator, record.assessment, record.targets, context.catalog()));
    auto chart = time_series_of(indicator, record.targets, record.values,
                                record.assessment.target_id, context.catalog());
    chart.size = {320, 170};
    card.set("chart", charts::time_series(chart));
    card.set("rows", data_table(context, indicator, record.values, areas, record.targets, false));
    card.set("has_values", view::flag(!record.values.empty()));
    std::vector<std::optional<double>> line;
    line.reserve(chart.points.size());
    for (const auto& point : chart.points) line.push_back(point.value);
    card.set("sparkline", charts::sparkline(line, indicator.name));
    std::string target;
    for (const auto& candidate : record.targets) {
      if (candidate.id == record.assessment.target_id) {
        target = target_text(indicator, candidate, context.catalog());
      }
    }
    card.set("target", view::text(target));
    card.set(
        "latest",
        view::text(record.assessment.latest
                       ? format_figure(indicator, *record.assessment.latest, context.language) +
                             " (" +
                             period_label(record.assessment.latest_period, context.language) + ")"
                       : std::string()));
    cards.push_back(card);
  }
  view::Data data;
  data.set("plan_id", std::to_string(plan.id));
  data.set("plan_name", plan.name);
  data.set("cards", cards);
  data.set("has_cards", view::flag(!records.empty()));
  data.set("rollup", rollup_data(context, plan_rollup(records), records));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("view_list", view::flag(context.query("view") == "list"));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(context, kTemplates("dashboard"), std::move(data),
                          {.title = context.text("indicators_title") + ": " + plan.name,
                           .status = 200,
                           .nav = "plans"});
}

}  // namespace

void add_dashboard_routes(web::App& app) {
  app.add({http::Method::get, "/plans/{id}/indicators",
           web::Access::needs(auth::Permission::read_published), show_dashboard});
}

}  // namespace samtryg::indicators
