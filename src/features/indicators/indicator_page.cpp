// The indicator page: its definition, what it follows up, its status explained, the chart and
// the figures behind it, areas side by side, its targets, and value entry for its lead.
#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "core/web/page.hpp"
#include "features/indicators/charts.hpp"
#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

namespace {

std::string link_label(soci::session& sql, const Actor& actor, const Link& link) {
  if (link.initiative_id) {
    const auto found = strategy::find_initiative(sql, actor, *link.initiative_id);
    return found ? found->name : std::string();
  }
  if (link.focus_area_id) {
    const auto found = strategy::find_focus_area(sql, actor, *link.focus_area_id);
    return found ? found->name : std::string();
  }
  return {};
}

// What the indicator measures: unit, direction, source, frequency, baseline, plan and links.
void add_definition(view::Data& data, const Context& context, soci::session& sql,
                    const Actor& actor, const IndicatorRecord& record) {
  const auto& indicator = record.indicator;
  data.set("id", std::to_string(indicator.id));
  data.set("name", indicator.name);
  data.set("definition_html", view::text(documents::markdown_html(indicator.definition)));
  data.set("unit", context.text("unit_" + indicator.unit) +
                       (indicator.currency.empty() ? "" : " (" + indicator.currency + ")"));
  data.set("direction", context.text("direction_" + indicator.direction));
  data.set("source", context.text("source_" + indicator.source) +
                         (indicator.source_note.empty() ? "" : ": " + indicator.source_note));
  data.set("frequency", context.text("frequency_" + indicator.frequency));
  data.set(
      "baseline",
      view::text(
          indicator.baseline
              ? format_figure(indicator, *indicator.baseline, context.language) +
                    (indicator.baseline_period.empty()
                         ? ""
                         : " (" + period_label(indicator.baseline_period, context.language) + ")")
              : std::string()));
  if (indicator.plan_id) {
    const auto plan = strategy::find_plan(sql, actor, *indicator.plan_id);
    data.set("plan_id", std::to_string(*indicator.plan_id));
    data.set("plan_name", plan ? plan->name : std::string());
  }
  auto links = view::list();
  for (const auto& link : record.links) {
    view::Data item;
    item.set("name", link_label(sql, actor, link));
    item.set("href", link.initiative_id ? "/initiatives/" + std::to_string(*link.initiative_id)
                                        : std::string());
    item.set("weight", i18n::format_number(link.weight, 1, context.language));
    links.push_back(item);
  }
  data.set("links", links);
  data.set("has_links", view::flag(!record.links.empty()));
}

void add_area_chart(view::Data& data, const Context& context, const IndicatorRecord& record,
                    const std::map<long long, std::string>& areas) {
  const auto bars = area_bar_chart(record.indicator, record.values, areas, context.catalog());
  if (!bars) return;
  data.set("bar_chart", charts::bar_chart(*bars));
  data.set("bar_title", bars->title);
}

view::Data target_items(const Context& context, const IndicatorRecord& record,
                        const std::map<long long, std::string>& areas) {
  auto targets = view::list();
  for (const auto& target : record.targets) {
    view::Data item;
    item.set("id", std::to_string(target.id));
    item.set("indicator_id", std::to_string(record.indicator.id));
    item.set("text", target_text(record.indicator, target, context.catalog()));
    const auto area = target.area_id ? areas.find(*target.area_id) : areas.end();
    item.set("area", area == areas.end() ? context.text("indicator_area_whole") : area->second);
    item.set("note", view::text(target.note));
    item.set("headline", view::flag(target.id == record.assessment.target_id));
    targets.push_back(item);
  }
  return targets;
}

Response show_indicator(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto record = readable_indicator(database, actor, context.path_id(), today_iso_utc());
  const auto& indicator = record.indicator;
  const auto& catalog = context.catalog();
  auto sql = database.session();
  const auto areas = area_names(sql, actor);

  view::Data data;
  add_definition(data, context, sql, actor, record);
  data.set("status", status_label(record.assessment.status, catalog));
  data.set("status_class", status_class(record.assessment.status));
  data.set("explanation",
           status_explanation(indicator, record.assessment, record.targets, catalog));
  const auto series = time_series_of(indicator, record.targets, record.values,
                                     record.assessment.target_id, catalog);
  data.set("has_values", view::flag(!record.values.empty()));
  data.set("chart", charts::time_series(series));
  add_area_chart(data, context, record, areas);
  data.set("rows", data_table(context, indicator, record.values, areas, record.targets, true));
  data.set("targets", target_items(context, record, areas));
  data.set("has_targets", view::flag(!record.targets.empty()));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("can_enter", view::flag(record.may_enter_values));
  data.set("can_history", view::flag(actor.read_all));
  data.set("notice", view::text(notice_text(context)));
  if (record.may_enter_values) {
    view::Data value_form;
    value_form.set("fields", web::fields_data(value_fields(context, sql, indicator, Value{}, {}),
                                              {}, catalog));
    data.set("value_form", value_form);
  }
  return web::render_page(context, kTemplates("indicator"), std::move(data),
                          {.title = indicator.name, .status = 200, .nav = "plans"});
}

}  // namespace

void add_indicator_page_routes(web::App& app) {
  app.add({http::Method::get, "/indicators/{id}",
           web::Access::needs(auth::Permission::read_published), show_indicator});
}

}  // namespace samtryg::indicators
