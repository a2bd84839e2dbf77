#include "features/indicators/pages.hpp"

#include <fmt/format.h>

#include <map>
#include <span>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/history/subjects.hpp"
#include "features/indicators/charts.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/export.hpp"
#include "features/indicators/presentation.hpp"
#include "features/strategy/hooks.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::indicators {

namespace {

using http::Method;
using http::Response;
using web::Access;
using web::Context;
using web::Field;
using Kind = web::Field::Kind;

std::string template_path(std::string_view name) {
  return "src/features/indicators/templates/" + std::string(name) + ".mustache";
}

std::string t(const Context& context, std::string_view key) {
  return web::text_of(context, key);
}

std::vector<std::string> codes(std::span<const std::string_view> list) {
  return {list.begin(), list.end()};
}

std::string number_text(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

// Typed numbers: "70", "70,5", "1 150" (decimal comma and space thousands accepted).
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

std::vector<web::Option> area_options(const Context& context, soci::session& sql) {
  std::vector<web::Option> options{{"", t(context, "indicator_area_whole")}};
  for (const auto& area : store::areas(sql, context.workspace().id)) {
    options.push_back({std::to_string(area.id), area.name});
  }
  return options;
}

std::map<long long, std::string> area_names(soci::session& sql, long long workspace_id) {
  std::map<long long, std::string> names;
  for (const auto& area : store::areas(sql, workspace_id)) names[area.id] = area.name;
  return names;
}

// ---- dashboard ------------------------------------------------------------------------------

view::Data rollup_data(const Context& context, const Rollup& rollup) {
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
    parts.push_back(item);
    if (part.status != Status::no_data) {
      ++assessed;
      if (part.status == Status::met || part.status == Status::on_track) ++good;
    }
  }
  data.set("parts", parts);
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
    row.set("area", area == areas.end() ? t(context, "indicator_area_whole") : area->second);
    const auto number = effective_value(indicator, value);
    std::string shown = number ? format_figure(indicator, *number, context.language) : "–";
    if (number && indicator.unit == "yes_no") {
      shown = t(context, *number >= 1 ? "answer_yes" : "answer_no");
    }
    if (value.numerator && value.denominator) {
      shown += " (" + i18n::format_number(*value.numerator, 0, context.language) + " / " +
               i18n::format_number(*value.denominator, 0, context.language) + ")";
    }
    row.set("value", shown);
    std::string verdict;
    if (number) {
      if (const auto* target = target_for(targets, value.period, value.area_id)) {
        verdict = status_label(meets(*target, *number) ? Status::met : Status::not_met,
                               context.catalog());
      }
    }
    row.set("verdict", view::text(verdict));
    row.set("example", view::flag(value.example));
    row.set("preliminary", view::flag(value.status == "preliminary"));
    if (with_details) {
      row.set("note", view::text(value.note));
      row.set("provenance", value.origin == "imported"
                                ? context.catalog().format(
                                      "indicator_imported_from",
                                      {{"file", value.import_file}, {"table", value.import_table}})
                                : t(context, "indicator_typed"));
      row.set("updated", i18n::format_iso_date(value.updated_at, context.language));
    }
    rows.push_back(row);
  }
  return rows;
}

Response show_dashboard(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto plan = strategy::readable_plan(database, actor, context.path_id());
  const auto records = plan_indicators(database, actor, plan.id, today_iso_utc());
  auto sql = database.session();
  const auto areas = area_names(sql, plan.workspace_id);

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
  data.set("rollup", rollup_data(context, plan_rollup(records)));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("view_list", view::flag(context.query("view") == "list"));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(
      context, template_path("dashboard"), std::move(data),
      {.title = t(context, "indicators_title") + ": " + plan.name, .status = 200, .nav = "plans"});
}

// ---- indicator page -------------------------------------------------------------------------

std::string link_label(soci::session& sql, long long workspace_id, const Link& link) {
  if (link.initiative_id) {
    const auto found = strategy::store::find_initiative(sql, workspace_id, *link.initiative_id);
    return found ? found->name : std::string();
  }
  if (link.focus_area_id) {
    const auto found = strategy::store::find_focus_area(sql, workspace_id, *link.focus_area_id);
    return found ? found->name : std::string();
  }
  return {};
}

std::vector<Field> value_fields(const Context& context, soci::session& sql,
                                const Indicator& indicator, const Value& value,
                                const std::string& typed_value, const std::string& typed_numerator,
                                const std::string& typed_denominator) {
  std::vector<Field> fields{
      {"period",
       t(context, "indicator_value_period"),
       value.period,
       indicator.frequency == "event" ? Kind::date : Kind::text,
       true,
       context.catalog().format("indicator_period_hint",
                                {{"frequency", t(context, "frequency_" + indicator.frequency)}}),
       {},
       4},
  };
  auto areas = area_options(context, sql);
  if (areas.size() > 1) {
    fields.push_back({"area_id",
                      t(context, "indicator_value_area"),
                      value.area_id ? std::to_string(*value.area_id) : "",
                      Kind::select,
                      false,
                      {},
                      std::move(areas),
                      4});
  }
  if (indicator.unit == "ratio") {
    fields.push_back({"numerator",
                      t(context, "indicator_numerator"),
                      typed_numerator,
                      Kind::text,
                      true,
                      {},
                      {},
                      4});
    fields.push_back({"denominator",
                      t(context, "indicator_denominator"),
                      typed_denominator,
                      Kind::text,
                      true,
                      {},
                      {},
                      4});
  } else if (indicator.unit == "yes_no") {
    fields.push_back({"value",
                      t(context, "indicator_value"),
                      typed_value,
                      Kind::select,
                      true,
                      {},
                      {{"1", t(context, "answer_yes")}, {"0", t(context, "answer_no")}},
                      4});
  } else {
    fields.push_back({"value",
                      t(context, "indicator_value"),
                      typed_value,
                      Kind::text,
                      true,
                      t(context, "indicator_value_hint"),
                      {},
                      4});
  }
  fields.push_back({"status",
                    t(context, "indicator_value_status"),
                    value.status,
                    Kind::select,
                    true,
                    {},
                    web::coded_options(codes(kValueStatuses), "value_status_", context.catalog()),
                    4});
  fields.push_back(
      {"note", t(context, "indicator_value_note"), value.note, Kind::textarea, false, {}, {}, 2});
  return fields;
}

Response show_indicator(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto record = readable_indicator(database, actor, context.path_id(), today_iso_utc());
  const auto& indicator = record.indicator;
  auto sql = database.session();
  const auto areas = area_names(sql, indicator.workspace_id);
  const auto& catalog = context.catalog();

  view::Data data;
  data.set("id", std::to_string(indicator.id));
  data.set("name", indicator.name);
  data.set("definition", view::text(indicator.definition));
  data.set("unit", t(context, "unit_" + indicator.unit) +
                       (indicator.currency.empty() ? "" : " (" + indicator.currency + ")"));
  data.set("direction", t(context, "direction_" + indicator.direction));
  data.set("source", t(context, "source_" + indicator.source) +
                         (indicator.source_note.empty() ? "" : ": " + indicator.source_note));
  data.set("frequency", t(context, "frequency_" + indicator.frequency));
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
    const auto plan = strategy::store::find_plan(sql, indicator.workspace_id, *indicator.plan_id);
    data.set("plan_id", std::to_string(*indicator.plan_id));
    data.set("plan_name", plan ? plan->name : std::string());
  }
  auto links = view::list();
  for (const auto& link : record.links) {
    view::Data item;
    item.set("name", link_label(sql, indicator.workspace_id, link));
    item.set("href", link.initiative_id ? "/initiatives/" + std::to_string(*link.initiative_id)
                                        : std::string());
    item.set("weight", i18n::format_number(link.weight, 1, context.language));
    links.push_back(item);
  }
  data.set("links", links);
  data.set("has_links", view::flag(!record.links.empty()));

  data.set("status", status_label(record.assessment.status, catalog));
  data.set("status_class", status_class(record.assessment.status));
  data.set("explanation",
           status_explanation(indicator, record.assessment, record.targets, catalog));

  const auto series = time_series_of(indicator, record.targets, record.values,
                                     record.assessment.target_id, catalog);
  data.set("has_values", view::flag(!record.values.empty()));
  data.set("chart", charts::time_series(series));

  // Areas side by side for the latest period that has more than one area.
  std::map<std::string, std::vector<const Value*>> by_period;
  for (const auto& value : record.values) {
    if (value.area_id) by_period[value.period].push_back(&value);
  }
  for (auto it = by_period.rbegin(); it != by_period.rend(); ++it) {
    if (it->second.size() < 2) continue;
    charts::BarChart bars;
    bars.id = "areas-" + std::to_string(indicator.id);
    bars.title = catalog.format(
        "indicator_areas_title",
        {{"name", indicator.name}, {"period", period_label(it->first, context.language)}});
    bars.format = figure_formatter(indicator, context.language);
    bars.no_value_label = t(context, "indicator_no_value");
    std::string described;
    for (const auto* value : it->second) {
      const auto number = effective_value(indicator, *value);
      const auto name = areas.count(*value->area_id) ? areas.at(*value->area_id) : "";
      bars.bars.push_back({name, number, false, value->example});
      if (number) {
        if (!described.empty()) described += "; ";
        described += name + ": " + format_figure(indicator, *number, context.language);
      }
    }
    bars.description = described;
    data.set("bar_chart", charts::bar_chart(bars));
    data.set("bar_title", bars.title);
    break;
  }

  data.set("rows", data_table(context, indicator, record.values, areas, record.targets, true));
  auto targets = view::list();
  for (const auto& target : record.targets) {
    view::Data item;
    item.set("id", std::to_string(target.id));
    item.set("indicator_id", std::to_string(indicator.id));
    item.set("text", target_text(indicator, target, catalog));
    const auto area = target.area_id ? areas.find(*target.area_id) : areas.end();
    item.set("area", area == areas.end() ? t(context, "indicator_area_whole") : area->second);
    item.set("note", view::text(target.note));
    item.set("headline", view::flag(target.id == record.assessment.target_id));
    targets.push_back(item);
  }
  data.set("targets", targets);
  data.set("has_targets", view::flag(!record.targets.empty()));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("can_enter", view::flag(record.may_enter_values));
  data.set("can_history", view::flag(actor.read_all));
  data.set("notice", view::text(notice_text(context)));
  if (record.may_enter_values) {
    Value blank;
    view::Data value_form;
    value_form.set(
        "fields",
        web::fields_data(value_fields(context, sql, indicator, blank, "", "", ""), {}, catalog));
    data.set("value_form", value_form);
  }
  return web::render_page(context, template_path("indicator"), std::move(data),
                          {.title = indicator.name, .status = 200, .nav = "plans"});
}

// ---- indicator form -------------------------------------------------------------------------

std::vector<web::Option> initiative_options(const Context& context, soci::session& sql,
                                            std::optional<long long> plan_id) {
  std::vector<web::Option> options{{"", t(context, "choice_none")}};
  if (!plan_id) return options;
  strategy::store::InitiativeFilter filter;
  filter.workspace_id = context.workspace().id;
  filter.plan_id = *plan_id;
  filter.limit = 1000;
  for (const auto& row : strategy::store::initiatives(sql, filter)) {
    options.push_back({std::to_string(row.initiative.id), row.initiative.name});
  }
  return options;
}

std::vector<web::Option> focus_area_options(const Context& context, soci::session& sql,
                                            std::optional<long long> plan_id) {
  std::vector<web::Option> options{{"", t(context, "choice_none")}};
  if (!plan_id) return options;
  for (const auto& area : strategy::store::focus_areas(sql, *plan_id)) {
    options.push_back({std::to_string(area.id), area.name});
  }
  return options;
}

struct IndicatorForm {
  Indicator indicator;
  std::string initiative_id;
  std::string focus_area_id;
  std::string baseline;
};

std::vector<Field> indicator_fields(Context& context, soci::session& sql, const IndicatorForm& f) {
  const auto& v = f.indicator;
  const auto& catalog = context.catalog();
  return {
      {"name", t(context, "indicator_name"), v.name, Kind::text, true, {}, {}, 4},
      {"definition",
       t(context, "indicator_definition"),
       v.definition,
       Kind::textarea,
       false,
       t(context, "indicator_definition_hint"),
       {},
       3},
      {"unit",
       t(context, "indicator_unit"),
       v.unit,
       Kind::select,
       true,
       {},
       web::coded_options(codes(kUnits), "unit_", catalog),
       4},
      {"currency",
       t(context, "indicator_currency"),
       v.currency,
       Kind::text,
       false,
       t(context, "indicator_currency_hint"),
       {},
       4},
      {"decimals",
       t(context, "indicator_decimals"),
       std::to_string(v.decimals),
       Kind::number,
       true,
       {},
       {},
       4},
      {"direction",
       t(context, "indicator_direction"),
       v.direction,
       Kind::select,
       true,
       {},
       web::coded_options(codes(kDirections), "direction_", catalog),
       4},
      {"source",
       t(context, "indicator_source"),
       v.source,
       Kind::select,
       true,
       {},
       web::coded_options(codes(kSources), "source_", catalog),
       4},
      {"source_note",
       t(context, "indicator_source_note"),
       v.source_note,
       Kind::text,
       false,
       t(context, "indicator_source_note_hint"),
       {},
       4},
      {"frequency",
       t(context, "indicator_frequency"),
       v.frequency,
       Kind::select,
       true,
       {},
       web::coded_options(codes(kFrequencies), "frequency_", catalog),
       4},
      {"baseline", t(context, "indicator_baseline"), f.baseline, Kind::text, false, {}, {}, 4},
      {"baseline_period",
       t(context, "indicator_baseline_period"),
       v.baseline_period,
       Kind::text,
       false,
       t(context, "indicator_baseline_period_hint"),
       {},
       4},
      {"initiative_id",
       t(context, "indicator_follows_initiative"),
       f.initiative_id,
       Kind::select,
       false,
       {},
       initiative_options(context, sql, v.plan_id),
       4},
      {"focus_area_id",
       t(context, "indicator_follows_focus_area"),
       f.focus_area_id,
       Kind::select,
       false,
       {},
       focus_area_options(context, sql, v.plan_id),
       4},
      {"published",
       t(context, "indicator_published"),
       v.published ? "1" : "",
       Kind::checkbox,
       false,
       {},
       {},
       4},
  };
}

IndicatorForm indicator_from_form(Context& context, Indicator indicator,
                                  validation::Errors& errors) {
  const auto& form = context.form();
  IndicatorForm f;
  indicator.name = form.value("name");
  indicator.definition = form.value("definition");
  indicator.unit = form.value("unit");
  indicator.currency = form.value("currency");
  const auto decimals = parse_integer(form.value("decimals"));
  if (!decimals || *decimals < 0 || *decimals > 6) {
    errors.add("decimals", "number_invalid");
  } else {
    indicator.decimals = static_cast<int>(*decimals);
  }
  indicator.direction = form.value("direction");
  indicator.source = form.value("source");
  indicator.source_note = form.value("source_note");
  indicator.frequency = form.value("frequency");
  f.baseline = form.value("baseline");
  indicator.baseline = parse_typed_figure(f.baseline, "baseline", errors);
  indicator.baseline_period = form.value("baseline_period");
  indicator.published = form.value("published") == "1";
  if (const auto version = parse_integer(form.value("row_version"))) {
    indicator.row_version = *version;
  }
  f.initiative_id = form.value("initiative_id");
  f.focus_area_id = form.value("focus_area_id");
  form_id(f.initiative_id, "initiative_id", errors);
  form_id(f.focus_area_id, "focus_area_id", errors);
  f.indicator = std::move(indicator);
  return f;
}

// The form edits the first initiative link and the first focus-area link; links beyond those
// (made through the API or an import) are kept as they are.
std::vector<Link> links_from_form(const IndicatorForm& f, const std::vector<Link>& existing) {
  std::vector<Link> links;
  bool initiative_done = false;
  bool focus_done = false;
  const auto initiative = parse_id(f.initiative_id);
  const auto focus = parse_id(f.focus_area_id);
  for (const auto& link : existing) {
    if (link.initiative_id && !initiative_done) {
      initiative_done = true;
      if (initiative) links.push_back({0, initiative, std::nullopt, link.weight});
      continue;
    }
    if (link.focus_area_id && !focus_done) {
      focus_done = true;
      if (focus) links.push_back({0, std::nullopt, focus, link.weight});
      continue;
    }
    links.push_back(link);
  }
  if (!initiative_done && initiative) links.push_back({0, initiative, std::nullopt, 1});
  if (!focus_done && focus) links.push_back({0, std::nullopt, focus, 1});
  return links;
}

Response indicator_form(Context& context, const IndicatorForm& f, bool is_new,
                        validation::Errors errors, bool conflict, int status) {
  auto sql = context.services.database.session();
  web::FormPage form;
  const auto& v = f.indicator;
  form.heading =
      is_new ? t(context, "indicator_new") : t(context, "indicator_edit") + ": " + v.name;
  form.action = is_new ? "/plans/" + std::to_string(v.plan_id.value_or(0)) + "/indicators"
                       : "/indicators/" + std::to_string(v.id) + "/edit";
  form.submit = t(context, is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/plans/" + std::to_string(v.plan_id.value_or(0)) + "/indicators"
                       : "/indicators/" + std::to_string(v.id);
  form.fields = indicator_fields(context, sql, f);
  if (!is_new) form.hidden = web::hidden_values({{"row_version", std::to_string(v.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  form.status = status;
  return web::render_form(context, form);
}

Response new_indicator(Context& context) {
  const auto actor = context.actor();
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  IndicatorForm f;
  f.indicator.plan_id = plan.id;
  return indicator_form(context, f, true, {}, false, 200);
}

Response create_indicator_submit(Context& context) {
  const auto actor = context.actor();
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  validation::Errors errors;
  Indicator blank;
  blank.plan_id = plan.id;
  auto f = indicator_from_form(context, blank, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id =
            create_indicator(context.services.database, actor, f.indicator, links_from_form(f, {}));
        return Response::redirect("/indicators/" + std::to_string(id) + "?notice=notice_created");
      },
      [&](validation::Errors found, bool conflict) {
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return indicator_form(context, f, true, std::move(found), conflict, 422);
      });
}

IndicatorForm form_of(const IndicatorRecord& record) {
  IndicatorForm f;
  f.indicator = record.indicator;
  for (const auto& link : record.links) {
    if (link.initiative_id && f.initiative_id.empty()) {
      f.initiative_id = std::to_string(*link.initiative_id);
    }
    if (link.focus_area_id && f.focus_area_id.empty()) {
      f.focus_area_id = std::to_string(*link.focus_area_id);
    }
  }
  f.baseline = number_text(record.indicator.baseline);
  return f;
}

Response edit_indicator(Context& context) {
  const auto actor = context.actor();
  const auto record =
      readable_indicator(context.services.database, actor, context.path_id(), today_iso_utc());
  return indicator_form(context, form_of(record), false, {}, false, 200);
}

Response update_indicator_submit(Context& context) {
  const auto actor = context.actor();
  const auto record =
      readable_indicator(context.services.database, actor, context.path_id(), today_iso_utc());
  validation::Errors errors;
  auto f = indicator_from_form(context, record.indicator, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_indicator(context.services.database, actor, f.indicator,
                         links_from_form(f, record.links));
        return Response::redirect("/indicators/" + std::to_string(f.indicator.id) +
                                  "?notice=notice_saved");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          const auto fresh =
              readable_indicator(context.services.database, actor, f.indicator.id, today_iso_utc());
          return indicator_form(context, form_of(fresh), false, {}, true, 409);
        }
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return indicator_form(context, f, false, std::move(found), false, 422);
      });
}

// ---- targets --------------------------------------------------------------------------------

struct TargetForm {
  Target target;
  std::string value;
  std::string high;
  std::string area_id;
};

Response target_form(Context& context, const Indicator& indicator, const TargetForm& f,
                     validation::Errors errors, int status) {
  auto sql = context.services.database.session();
  const auto& catalog = context.catalog();
  web::FormPage form;
  form.heading = t(context, "target_new") + ": " + indicator.name;
  form.intro = t(context, "target_intro");
  form.action = "/indicators/" + std::to_string(indicator.id) + "/targets";
  form.submit = t(context, "form_create");
  form.cancel = "/indicators/" + std::to_string(indicator.id) + "#targets";
  form.fields = {
      {"comparator",
       t(context, "target_comparator"),
       f.target.comparator,
       Kind::select,
       true,
       {},
       web::coded_options(codes(kComparators), "comparator_", catalog),
       4},
      {"value",
       t(context, "target_value"),
       f.value,
       Kind::text,
       true,
       t(context, "indicator_value_hint"),
       {},
       4},
      {"high",
       t(context, "target_high"),
       f.high,
       Kind::text,
       false,
       t(context, "target_high_hint"),
       {},
       4},
      {"period_start",
       t(context, "target_period_start"),
       f.target.period_start,
       Kind::date,
       false,
       t(context, "target_period_hint"),
       {},
       4},
      {"period_end",
       t(context, "target_period_end"),
       f.target.period_end,
       Kind::date,
       false,
       t(context, "date_hint"),
       {},
       4},
      {"area_id",
       t(context, "target_area"),
       f.area_id,
       Kind::select,
       false,
       {},
       area_options(context, sql),
       4},
      {"per_event",
       t(context, "target_per_event_label"),
       f.target.per_event ? "1" : "",
       Kind::checkbox,
       false,
       t(context, "target_per_event_hint"),
       {},
       4},
      {"note", t(context, "target_note"), f.target.note, Kind::text, false, {}, {}, 4},
  };
  form.errors = std::move(errors);
  form.status = status;
  return web::render_form(context, form);
}

Response new_target(Context& context) {
  const auto actor = context.actor();
  const auto record =
      readable_indicator(context.services.database, actor, context.path_id(), today_iso_utc());
  TargetForm f;
  f.target.comparator = record.indicator.direction == "lower" ? "le" : "ge";
  return target_form(context, record.indicator, f, {}, 200);
}

Response create_target_submit(Context& context) {
  const auto actor = context.actor();
  const auto record =
      readable_indicator(context.services.database, actor, context.path_id(), today_iso_utc());
  const auto& form = context.form();
  validation::Errors errors;
  TargetForm f;
  f.target.indicator_id = record.indicator.id;
  f.target.comparator = form.value("comparator");
  f.value = form.value("value");
  f.high = form.value("high");
  f.area_id = form.value("area_id");
  f.target.period_start = form.value("period_start");
  f.target.period_end = form.value("period_end");
  f.target.per_event = form.value("per_event") == "1";
  f.target.note = form.value("note");
  const auto value = parse_typed_figure(f.value, "value", errors);
  if (value) f.target.value = *value;
  if (!value && f.value.empty()) errors.add("value", "field_required");
  f.target.high = parse_typed_figure(f.high, "high", errors);
  f.target.area_id = form_id(f.area_id, "area_id", errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        add_target(context.services.database, actor, f.target);
        return Response::redirect("/indicators/" + std::to_string(record.indicator.id) +
                                  "?notice=notice_created#targets");
      },
      [&](validation::Errors found, bool) {
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return target_form(context, record.indicator, f, std::move(found), 422);
      });
}

Response confirm_delete_target(Context& context) {
  const auto actor = context.actor();
  const auto record =
      readable_indicator(context.services.database, actor, context.path_id(), today_iso_utc());
  const auto target_id = context.path_id("target");
  for (const auto& target : record.targets) {
    if (target.id != target_id) continue;
    const auto base = "/indicators/" + std::to_string(record.indicator.id);
    return web::render_confirm(
        context, {.heading = context.catalog().format(
                      "target_delete_heading",
                      {{"target", target_text(record.indicator, target, context.catalog())}}),
                  .text = t(context, "target_delete_text"),
                  .confirm = t(context, "delete_confirm"),
                  .action = base + "/targets/" + std::to_string(target_id) + "/delete",
                  .cancel = base + "#targets",
                  .nav = "plans"});
  }
  throw validation::NotFound();
}

Response delete_target_submit(Context& context) {
  const auto id = context.path_id();
  remove_target(context.services.database, context.actor(), id, context.path_id("target"));
  return Response::redirect("/indicators/" + std::to_string(id) + "?notice=notice_deleted#targets");
}

// ---- values ---------------------------------------------------------------------------------

Response create_value_submit(Context& context) {
  const auto actor = context.actor();
  const auto record =
      readable_indicator(context.services.database, actor, context.path_id(), today_iso_utc());
  const auto& indicator = record.indicator;
  const auto& form = context.form();
  validation::Errors errors;
  Value value;
  value.indicator_id = indicator.id;
  value.period = std::string(trim(form.value("period")));
  value.status = form.value("status");
  value.note = form.value("note");
  const auto typed_value = form.value("value");
  const auto typed_numerator = form.value("numerator");
  const auto typed_denominator = form.value("denominator");
  value.area_id = form_id(form.value("area_id"), "area_id", errors);
  if (indicator.unit == "ratio") {
    value.numerator = parse_typed_figure(typed_numerator, "numerator", errors);
    value.denominator = parse_typed_figure(typed_denominator, "denominator", errors);
  } else {
    value.value = parse_typed_figure(typed_value, "value", errors);
  }
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        save_value(context.services.database, actor, value);
        return Response::redirect("/indicators/" + std::to_string(indicator.id) +
                                  "?notice=notice_value_saved#values");
      },
      [&](const validation::Errors& found, bool) {
        // A field that did not parse is reported once, as "not a number".
        validation::Errors merged = errors;
        for (const auto& item : found.items()) {
          if (errors.for_field(item.field) == nullptr)
            merged.add(item.field, item.message_key, item.values);
        }
        auto sql = context.services.database.session();
        web::FormPage page;
        page.heading = t(context, "indicator_value_new") + ": " + indicator.name;
        page.action = "/indicators/" + std::to_string(indicator.id) + "/values";
        page.submit = t(context, "indicator_value_save");
        page.cancel = "/indicators/" + std::to_string(indicator.id) + "#values";
        page.fields = value_fields(context, sql, indicator, value, typed_value, typed_numerator,
                                   typed_denominator);
        page.errors = std::move(merged);
        page.status = 422;
        return web::render_form(context, page);
      });
}

Response confirm_delete_value(Context& context) {
  const auto actor = context.actor();
  const auto record =
      readable_indicator(context.services.database, actor, context.path_id(), today_iso_utc());
  if (!record.may_enter_values) throw validation::Forbidden();
  const auto value_id = context.path_id("value");
  for (const auto& value : record.values) {
    if (value.id != value_id) continue;
    const auto base = "/indicators/" + std::to_string(record.indicator.id);
    return web::render_confirm(
        context,
        {.heading = context.catalog().format(
             "value_delete_heading", {{"period", period_label(value.period, context.language)}}),
         .text = t(context, "value_delete_text"),
         .confirm = t(context, "delete_confirm"),
         .action = base + "/values/" + std::to_string(value_id) + "/delete",
         .cancel = base + "#values",
         .nav = "plans"});
  }
  throw validation::NotFound();
}

Response delete_value_submit(Context& context) {
  const auto id = context.path_id();
  remove_value(context.services.database, context.actor(), id, context.path_id("value"));
  return Response::redirect("/indicators/" + std::to_string(id) + "?notice=notice_deleted#values");
}

// ---- export ---------------------------------------------------------------------------------

std::vector<ExportRow> export_rows(Context& context, const std::vector<IndicatorRecord>& records) {
  auto sql = context.services.database.session();
  const auto areas = area_names(sql, context.workspace().id);
  std::vector<ExportRow> rows;
  for (const auto& record : records) {
    for (const auto& value : record.values) {
      const auto area = value.area_id ? areas.find(*value.area_id) : areas.end();
      rows.push_back({record.indicator, value, area == areas.end() ? "" : area->second});
    }
  }
  return rows;
}

Response export_values(Context& context, const std::vector<IndicatorRecord>& records,
                       const std::string& stem) {
  const auto rows = export_rows(context, records);
  const auto format = context.params.at("format");
  if (format == "csv") {
    return web::attachment(values_csv(rows, context.catalog()), "text/csv; charset=utf-8",
                           stem + ".csv");
  }
  if (format == "xlsx") {
    return web::attachment(values_xlsx(rows, context.catalog()),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           stem + ".xlsx");
  }
  throw validation::NotFound();
}

Response export_indicator(Context& context) {
  const auto actor = context.actor();
  const auto record =
      readable_indicator(context.services.database, actor, context.path_id(), today_iso_utc());
  return export_values(context, {record}, "indicator-" + std::to_string(record.indicator.id));
}

Response export_plan(Context& context) {
  const auto actor = context.actor();
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  return export_values(context,
                       plan_indicators(context.services.database, actor, plan.id, today_iso_utc()),
                       "plan-" + std::to_string(plan.id) + "-indicators");
}

}  // namespace

void add_routes(web::App& app) {
  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add("indicator", [](Context& context, long long id) {
    const auto record =
        readable_indicator(context.services.database, context.actor(), id, today_iso_utc());
    return history::Subject{record.indicator.name, "/indicators/" + std::to_string(id)};
  });
  hooks.get<strategy::PlanLinks>().links.push_back({"/indicators", "indicators_title", false});
  hooks.get<strategy::InitiativeSections>().sections.emplace_back(
      [](Context& context, long long initiative_id, long long plan_id) -> std::string {
        const auto records =
            plan_indicators(context.services.database, context.actor(), plan_id, today_iso_utc());
        const auto rollup = initiative_rollup(records, initiative_id);
        if (rollup.parts.empty()) return {};
        return view::render(template_path("initiative_rollup"), rollup_data(context, rollup),
                            context.catalog());
      });
  using auth::Permission;
  const auto read = Access::needs(Permission::read_published);
  const auto own = Access::needs(Permission::edit_own);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/plans/{id}/indicators", read, show_dashboard});
  app.add({Method::get, "/plans/{id}/indicators/new", all, new_indicator});
  app.add({Method::post, "/plans/{id}/indicators", all, create_indicator_submit});
  app.add({Method::get, "/plans/{id}/indicators/export/{format}", read, export_plan});
  app.add({Method::get, "/indicators/{id}", read, show_indicator});
  app.add({Method::get, "/indicators/{id}/edit", all, edit_indicator});
  app.add({Method::post, "/indicators/{id}/edit", all, update_indicator_submit});
  app.add({Method::get, "/indicators/{id}/targets/new", all, new_target});
  app.add({Method::post, "/indicators/{id}/targets", all, create_target_submit});
  app.add({Method::get, "/indicators/{id}/targets/{target}/delete", all, confirm_delete_target});
  app.add({Method::post, "/indicators/{id}/targets/{target}/delete", all, delete_target_submit});
  app.add({Method::post, "/indicators/{id}/values", own, create_value_submit});
  app.add({Method::get, "/indicators/{id}/values/{value}/delete", own, confirm_delete_value});
  app.add({Method::post, "/indicators/{id}/values/{value}/delete", own, delete_value_submit});
  app.add({Method::get, "/indicators/{id}/export/{format}", read, export_indicator});
  add_import_routes(app);
}

}  // namespace samtryg::indicators
