// The forms to create and edit an initiative; leads add platforms under their own.
#include "core/util/strings.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_page.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

std::string id_or_empty(const std::optional<long long>& id) {
  return id ? std::to_string(*id) : std::string();
}

// The choices of the form's three pickers: lead, focus area and parent initiative.
struct Choices {
  std::vector<web::Option> leads;
  std::vector<web::Option> areas;
  std::vector<web::Option> parents;
};

Choices choices_for(const Context& context, const Initiative& v) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  Choices choices{{{"", context.text("initiative_lead_none")}},
                  {{"", context.text("choice_none")}},
                  {{"", context.text("initiative_parent_none")}}};
  for (const auto& person : people(sql, actor)) {
    choices.leads.push_back({std::to_string(person.id), person.name});
  }
  for (const auto& area : focus_areas(sql, actor, v.plan_id)) {
    choices.areas.push_back({std::to_string(area.id), area.name});
  }
  const InitiativeFilter top_level{.plan_id = v.plan_id, .top_level_only = true};
  for (const auto& row : initiatives(sql, actor, top_level)) {
    if (row.initiative.id == v.id) continue;
    choices.parents.push_back({std::to_string(row.initiative.id), row.initiative.name});
  }
  return choices;
}

std::vector<web::Field> initiative_fields(const Context& context, const Initiative& v) {
  auto choices = choices_for(context, v);
  const auto field = [&](const char* name, std::string value, Kind kind = Kind::text) {
    return web::Field{
        .name = name, .label = field_label(context, name), .value = std::move(value), .kind = kind};
  };
  const auto hinted = [&](web::Field made, const char* hint) {
    made.hint = context.text(hint);
    return made;
  };
  std::vector<web::Field> fields{
      {.name = "name", .label = field_label(context, "name"), .value = v.name, .required = true},
      {.name = "parent_initiative_id",
       .label = field_label(context, "parent_initiative_id"),
       .value = id_or_empty(v.parent_initiative_id),
       .kind = Kind::select,
       .hint = context.text("initiative_parent_hint"),
       .options = std::move(choices.parents)},
      field("purpose", v.purpose, Kind::markdown),
      field("goals", v.goals, Kind::markdown),
      field("background", v.background, Kind::markdown),
      field("already_done", v.already_done, Kind::markdown),
      field("focus", v.focus, Kind::markdown),
      {.name = "lead_user_id",
       .label = field_label(context, "lead_user_id"),
       .value = id_or_empty(v.lead_user_id),
       .kind = Kind::select,
       .hint = context.text("initiative_lead_user_hint"),
       .options = std::move(choices.leads)},
      hinted(field("lead_title", v.lead_title), "initiative_lead_title_hint"),
      field("anchoring", v.anchoring),
      {.name = "working_group",
       .label = field_label(context, "working_group"),
       .value = v.working_group,
       .kind = Kind::textarea,
       .rows = 3},
      hinted(field("themes", v.themes), "initiative_themes_hint"),
      {.name = "focus_area_id",
       .label = field_label(context, "focus_area_id"),
       .value = id_or_empty(v.focus_area_id),
       .kind = Kind::select,
       .options = std::move(choices.areas)},
      hinted(field("start_date", v.start_date, Kind::date), "date_hint"),
      field("added_year", v.added_year ? std::to_string(*v.added_year) : "", Kind::number),
      {.name = "in_plan",
       .label = context.text("initiative_in_plan_check"),
       .value = v.in_plan ? "1" : "",
       .kind = Kind::checkbox,
       .hint = context.text("initiative_in_plan_hint")},
      {.name = "published",
       .label = context.text("initiative_published"),
       .value = v.published ? "1" : "",
       .kind = Kind::checkbox},
  };
  // A new initiative starts in a status; later changes go through the status change form.
  if (v.id == 0) {
    fields.push_back(
        {.name = "status",
         .label = field_label(context, "status"),
         .value = v.status,
         .kind = Kind::select,
         .required = true,
         .options = web::coded_options(kInitiativeStatuses, "status_", context.catalog())});
  }
  return fields;
}

Initiative initiative_from_form(Context& context, Initiative v, validation::Errors& errors) {
  const auto& form = context.form();
  v.name = form.value("name");
  v.purpose = form.value("purpose");
  v.goals = form.value("goals");
  v.background = form.value("background");
  v.already_done = form.value("already_done");
  v.focus = form.value("focus");
  v.lead_title = form.value("lead_title");
  v.anchoring = form.value("anchoring");
  v.working_group = form.value("working_group");
  v.themes = form.value("themes");
  v.start_date = form.value("start_date");
  v.in_plan = form.value("in_plan") == "1";
  v.published = form.value("published") == "1";
  const auto number = [&](const char* name) {
    return web::optional_number(form.value(name), name, errors);
  };
  v.parent_initiative_id = number("parent_initiative_id");
  v.lead_user_id = number("lead_user_id");
  v.focus_area_id = number("focus_area_id");
  const auto year = number("added_year");
  v.added_year.reset();
  if (year && *year > 0 && *year < 10000) v.added_year = static_cast<int>(*year);
  if (year && !v.added_year) errors.add("added_year", "year_invalid");
  if (v.id == 0) v.status = form.value("status", "proposed");
  if (auto version = number("row_version")) v.row_version = *version;
  return v;
}

// `theirs`: after a refused save, the saved initiative, shown beside what was typed.
Response initiative_form(Context& context, const Initiative& v, validation::Errors errors,
                         bool conflict, int status, const Initiative* theirs = nullptr) {
  const bool is_new = v.id == 0;
  web::FormPage form;
  form.heading =
      is_new ? context.text("initiative_new") : context.text("initiative_edit") + ": " + v.name;
  form.action = is_new ? "/plans/" + std::to_string(v.plan_id) + "/initiatives"
                       : "/initiatives/" + std::to_string(v.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel =
      is_new ? "/plans/" + std::to_string(v.plan_id) : "/initiatives/" + std::to_string(v.id);
  form.fields = initiative_fields(context, v);
  if (!is_new) form.hidden = web::hidden_values({{"row_version", std::to_string(v.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  if (theirs != nullptr) form.theirs = initiative_fields(context, *theirs);
  form.status = status;
  return web::render_form(context, form);
}

// The initiative behind an edit form, when this person may change it (403 otherwise): the
// forms are refused up front instead of after the person has filled them in.
Initiative editable(Context& context, const Actor& actor) {
  auto sql = context.services.database.session();
  return editable_initiative(sql, actor, context.path_id());
}

Response new_initiative(Context& context) {
  const auto actor = context.actor();
  const auto plan = readable_plan(context.services.database, actor, context.path_id());
  Initiative v;
  v.plan_id = plan.id;
  v.status = "proposed";
  v.parent_initiative_id = parse_id(context.query("parent"));
  if (!actor.edit_all) {
    // Leads may only add platforms under the initiatives they lead themselves.
    if (!v.parent_initiative_id) throw validation::Forbidden();
    const auto parent =
        readable_initiative(context.services.database, actor, *v.parent_initiative_id);
    if (!actor.edit_own || !actor.user_id || parent.lead_user_id != actor.user_id) {
      throw validation::Forbidden();
    }
  }
  return initiative_form(context, v, {}, false, 200);
}

Response create_initiative_submit(Context& context) {
  const auto actor = context.actor();
  const auto plan = readable_plan(context.services.database, actor, context.path_id());
  validation::Errors errors;
  Initiative input;
  input.plan_id = plan.id;
  auto v = initiative_from_form(context, input, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id = create_initiative(context.services.database, actor, v);
        return Response::redirect("/initiatives/" + std::to_string(id) + "?notice=notice_created");
      },
      [&](validation::Errors found, bool conflict) {
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return initiative_form(context, v, std::move(found), conflict, 422);
      });
}

Response edit_initiative(Context& context) {
  return initiative_form(context, editable(context, context.actor()), {}, false, 200);
}

Response update_initiative_submit(Context& context) {
  const auto actor = context.actor();
  const auto stored = editable(context, actor);
  validation::Errors errors;
  auto v = initiative_from_form(context, stored, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_initiative(context.services.database, actor, v);
        return Response::redirect("/initiatives/" + std::to_string(v.id) + "?notice=notice_saved");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          // What was typed stays, now against the saved version, so saving again is a choice.
          const auto fresh = readable_initiative(context.services.database, actor, v.id);
          auto typed = v;
          typed.row_version = fresh.row_version;
          return initiative_form(context, typed, {}, true, 409, &fresh);
        }
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return initiative_form(context, v, std::move(found), false, 422);
      });
}

}  // namespace

void add_initiative_form_routes(web::App& app) {
  const auto own = web::Access::needs(auth::Permission::edit_own);
  app.add({Method::get, "/plans/{id}/initiatives/new", own, new_initiative});
  app.add({Method::post, "/plans/{id}/initiatives", own, create_initiative_submit});
  app.add({Method::get, "/initiatives/{id}/edit", own, edit_initiative});
  app.add({Method::post, "/initiatives/{id}/edit", own, update_initiative_submit});
}

}  // namespace samtryg::strategy
