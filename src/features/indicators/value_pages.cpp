// Values: typing one, the confirmation before deleting one, and the CSV and Excel export of an
// indicator's or a plan's values.
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/export.hpp"
#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

namespace {

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
  const TypedValue typed{form.value("value"), form.value("numerator"), form.value("denominator")};
  value.area_id = form_id(form.value("area_id"), "area_id", errors);
  if (indicator.unit == "ratio") {
    value.numerator = parse_typed_figure(typed.numerator, "numerator", errors);
    value.denominator = parse_typed_figure(typed.denominator, "denominator", errors);
  } else {
    value.value = parse_typed_figure(typed.value, "value", errors);
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
        page.heading = context.text("indicator_value_new") + ": " + indicator.name;
        page.action = "/indicators/" + std::to_string(indicator.id) + "/values";
        page.submit = context.text("indicator_value_save");
        page.cancel = "/indicators/" + std::to_string(indicator.id) + "#values";
        page.fields = value_fields(context, sql, indicator, value, typed);
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
         .text = context.text("value_delete_text"),
         .confirm = context.text("delete_confirm"),
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
  const auto areas = area_names(sql, context.actor());
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

void add_value_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto own = web::Access::needs(auth::Permission::edit_own);
  app.add({Method::post, "/indicators/{id}/values", own, create_value_submit});
  app.add({Method::get, "/indicators/{id}/values/{value}/delete", own, confirm_delete_value});
  app.add({Method::post, "/indicators/{id}/values/{value}/delete", own, delete_value_submit});
  app.add({Method::get, "/indicators/{id}/export/{format}", read, export_indicator});
  app.add({Method::get, "/plans/{id}/indicators/export/{format}", read, export_plan});
}

}  // namespace samtryg::indicators
