// A target for an indicator: the form to add one and the confirmation before deleting one.
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"

namespace samtryg::indicators {

namespace {

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
  form.heading = context.text("target_new") + ": " + indicator.name;
  form.intro = context.text("target_intro");
  form.action = "/indicators/" + std::to_string(indicator.id) + "/targets";
  form.submit = context.text("form_create");
  form.cancel = "/indicators/" + std::to_string(indicator.id) + "#targets";
  const auto field = [&](const char* name, const char* label, const std::string& value,
                         Kind kind = Kind::text, const char* hint = nullptr) {
    return web::Field{.name = name,
                      .label = context.text(label),
                      .value = value,
                      .kind = kind,
                      .hint = hint != nullptr ? context.text(hint) : std::string()};
  };
  auto comparator = field("comparator", "target_comparator", f.target.comparator, Kind::select);
  comparator.required = true;
  comparator.options = web::coded_options(kComparators, "comparator_", catalog);
  auto value = field("value", "target_value", f.value, Kind::text, "indicator_value_hint");
  value.required = true;
  auto area = field("area_id", "target_area", f.area_id, Kind::select);
  area.options = area_options(context, sql, indicator);
  form.fields = {
      comparator,
      value,
      field("high", "target_high", f.high, Kind::text, "target_high_hint"),
      field("period_start", "target_period_start", f.target.period_start, Kind::date,
            "target_period_hint"),
      field("period_end", "target_period_end", f.target.period_end, Kind::date, "date_hint"),
      area,
      field("per_event", "target_per_event_label", f.target.per_event ? "1" : "", Kind::checkbox,
            "target_per_event_hint"),
      field("note", "target_note", f.target.note),
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
                  .text = context.text("target_delete_text"),
                  .confirm = context.text("delete_confirm"),
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

}  // namespace

void add_target_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/indicators/{id}/targets/new", all, new_target});
  app.add({Method::post, "/indicators/{id}/targets", all, create_target_submit});
  app.add({Method::get, "/indicators/{id}/targets/{target}/delete", all, confirm_delete_target});
  app.add({Method::post, "/indicators/{id}/targets/{target}/delete", all, delete_target_submit});
}

}  // namespace samtryg::indicators
