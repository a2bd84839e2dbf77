// The forms to define an indicator and change its definition; the links it follows up.
#include <span>

#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

namespace {

std::vector<web::Option> initiative_options(const Context& context, soci::session& sql,
                                            std::optional<long long> plan_id) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  if (!plan_id) return options;
  const strategy::InitiativeFilter of_plan{.plan_id = *plan_id, .limit = 1000};
  for (const auto& row : strategy::initiatives(sql, context.actor(), of_plan)) {
    options.push_back({std::to_string(row.initiative.id), row.initiative.name});
  }
  return options;
}

std::vector<web::Option> focus_area_options(const Context& context, soci::session& sql,
                                            std::optional<long long> plan_id) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  if (!plan_id) return options;
  for (const auto& area : strategy::focus_areas(sql, context.actor(), *plan_id)) {
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

std::vector<web::Field> indicator_fields(const Context& context, soci::session& sql,
                                         const IndicatorForm& f) {
  const auto& v = f.indicator;
  const auto& catalog = context.catalog();
  const auto field = [&](const char* name, const char* label, const std::string& value,
                         Kind kind = Kind::text, bool required = false) {
    return web::Field{.name = name,
                      .label = context.text(label),
                      .value = value,
                      .kind = kind,
                      .required = required};
  };
  const auto hinted = [&](web::Field made, const char* hint) {
    made.hint = context.text(hint);
    return made;
  };
  const auto coded = [&](web::Field made, std::span<const std::string_view> codes,
                         const char* prefix) {
    made.options = web::coded_options(codes, prefix, catalog);
    return made;
  };
  auto definition =
      hinted(field("definition", "indicator_definition", v.definition, Kind::markdown),
             "indicator_definition_hint");
  definition.rows = 3;
  return {
      field("name", "indicator_name", v.name, Kind::text, true),
      definition,
      coded(field("unit", "indicator_unit", v.unit, Kind::select, true), kUnits, "unit_"),
      hinted(field("currency", "indicator_currency", v.currency), "indicator_currency_hint"),
      field("decimals", "indicator_decimals", std::to_string(v.decimals), Kind::number, true),
      coded(field("direction", "indicator_direction", v.direction, Kind::select, true), kDirections,
            "direction_"),
      coded(field("source", "indicator_source", v.source, Kind::select, true), kSources, "source_"),
      hinted(field("source_note", "indicator_source_note", v.source_note),
             "indicator_source_note_hint"),
      coded(field("frequency", "indicator_frequency", v.frequency, Kind::select, true),
            kFrequencies, "frequency_"),
      field("baseline", "indicator_baseline", f.baseline),
      hinted(field("baseline_period", "indicator_baseline_period", v.baseline_period),
             "indicator_baseline_period_hint"),
      {.name = "initiative_id",
       .label = context.text("indicator_follows_initiative"),
       .value = f.initiative_id,
       .kind = Kind::select,
       .options = initiative_options(context, sql, v.plan_id)},
      {.name = "focus_area_id",
       .label = context.text("indicator_follows_focus_area"),
       .value = f.focus_area_id,
       .kind = Kind::select,
       .options = focus_area_options(context, sql, v.plan_id)},
      field("published", "indicator_published", v.published ? "1" : "", Kind::checkbox),
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

// `theirs`: after a refused save, the saved indicator, shown beside what was typed.
Response indicator_form(Context& context, const IndicatorForm& f, bool is_new,
                        validation::Errors errors, bool conflict, int status,
                        const IndicatorForm* theirs = nullptr) {
  auto sql = context.services.database.session();
  web::FormPage form;
  const auto& v = f.indicator;
  form.heading =
      is_new ? context.text("indicator_new") : context.text("indicator_edit") + ": " + v.name;
  form.action = is_new ? "/plans/" + std::to_string(v.plan_id.value_or(0)) + "/indicators"
                       : "/indicators/" + std::to_string(v.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/plans/" + std::to_string(v.plan_id.value_or(0)) + "/indicators"
                       : "/indicators/" + std::to_string(v.id);
  form.fields = indicator_fields(context, sql, f);
  if (!is_new) form.hidden = web::hidden_values({{"row_version", std::to_string(v.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  if (theirs != nullptr) form.theirs = indicator_fields(context, sql, *theirs);
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
          const auto fresh = form_of(readable_indicator(context.services.database, actor,
                                                        f.indicator.id, today_iso_utc()));
          auto typed = f;
          typed.indicator.row_version = fresh.indicator.row_version;
          return indicator_form(context, typed, false, {}, true, 409, &fresh);
        }
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return indicator_form(context, f, false, std::move(found), false, 422);
      });
}

}  // namespace

void add_indicator_form_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/plans/{id}/indicators/new", all, new_indicator});
  app.add({Method::post, "/plans/{id}/indicators", all, create_indicator_submit});
  app.add({Method::get, "/indicators/{id}/edit", all, edit_indicator});
  app.add({Method::post, "/indicators/{id}/edit", all, update_indicator_submit});
}

}  // namespace samtryg::indicators
