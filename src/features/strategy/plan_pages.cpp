// Plans: the list, the form to create or edit one, a new version, and a plan's focus areas.
#include <map>

#include "core/web/fields.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

std::vector<web::Option> plan_options(const Context& context, long long except_id) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  auto sql = context.services.database.session();
  for (const auto& plan : plans(sql, context.actor())) {
    if (plan.id == except_id) continue;
    options.push_back(
        {std::to_string(plan.id), plan.name + " (v" + std::to_string(plan.version) + ")"});
  }
  return options;
}

std::vector<web::Field> plan_fields(const Context& context, const Plan& plan) {
  const auto date = [&](const char* name, const char* label, const std::string& value,
                        bool required) {
    return web::Field{.name = name,
                      .label = context.text(label),
                      .value = value,
                      .kind = Kind::date,
                      .required = required,
                      .hint = context.text("date_hint")};
  };
  return {
      {.name = "name", .label = context.text("plan_name"), .value = plan.name, .required = true},
      {.name = "kind",
       .label = context.text("plan_kind"),
       .value = plan.kind,
       .kind = Kind::select,
       .required = true,
       .options = web::coded_options(kPlanKinds, "plan_kind_", context.catalog())},
      date("period_start", "plan_period_start", plan.period_start, true),
      date("period_end", "plan_period_end", plan.period_end, true),
      date("adopted_on", "plan_adopted_on", plan.adopted_on, false),
      {.name = "parent_plan_id",
       .label = context.text("plan_parent"),
       .value = plan.parent_plan_id ? std::to_string(*plan.parent_plan_id) : "",
       .kind = Kind::select,
       .hint = context.text("plan_parent_hint"),
       .options = plan_options(context, plan.id)},
      {.name = "summary",
       .label = context.text("plan_summary"),
       .value = plan.summary,
       .kind = Kind::markdown,
       .rows = 8},
      {.name = "published",
       .label = context.text("plan_published"),
       .value = plan.published ? "1" : "",
       .kind = Kind::checkbox},
  };
}

Plan plan_from_form(Context& context, Plan plan, validation::Errors& errors) {
  const auto& form = context.form();
  plan.name = form.value("name");
  plan.kind = form.value("kind");
  plan.period_start = form.value("period_start");
  plan.period_end = form.value("period_end");
  plan.adopted_on = form.value("adopted_on");
  plan.summary = form.value("summary");
  plan.published = form.value("published") == "1";
  plan.parent_plan_id =
      web::optional_number(form.value("parent_plan_id"), "parent_plan_id", errors);
  if (auto version = web::optional_number(form.value("row_version"), "row_version", errors)) {
    plan.row_version = *version;
  }
  return plan;
}

Response show_plans(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto all = plans(sql, actor);
  std::map<long long, std::string> names;
  for (const auto& plan : all) names[plan.id] = plan.name;
  auto rows = view::list();
  for (const auto& plan : all) {
    view::Data row;
    row.set("id", std::to_string(plan.id));
    row.set("name", plan.name);
    row.set("kind", web::code_label(context, "plan_kind_", plan.kind));
    row.set("version", std::to_string(plan.version));
    row.set("period", period_text(plan, context.language));
    row.set("count",
            std::to_string(count_initiatives(sql, actor, InitiativeFilter{.plan_id = plan.id})));
    row.set("parent",
            view::text(plan.parent_plan_id ? names[*plan.parent_plan_id] : std::string()));
    rows.push_back(row);
  }
  view::Data data;
  data.set("has_plans", view::flag(!rows.is_empty_list()));
  data.set("plans", rows);
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("caption", context.workspace().name);
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(context, kTemplates("plans"), std::move(data),
                          {.title = context.text("plans_title"), .status = 200, .nav = "plans"});
}

// `theirs`: after a refused save, the saved plan, shown beside what was typed.
Response plan_form(Context& context, const Plan& plan, bool is_new, validation::Errors errors,
                   bool conflict, int status, const Plan* theirs = nullptr) {
  web::FormPage form;
  form.heading = is_new ? context.text("plans_new") : context.text("plan_edit") + ": " + plan.name;
  form.action = is_new ? "/plans" : "/plans/" + std::to_string(plan.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/plans" : "/plans/" + std::to_string(plan.id);
  form.fields = plan_fields(context, plan);
  if (!is_new) {
    form.hidden = web::hidden_values({{"row_version", std::to_string(plan.row_version)}});
  }
  form.errors = std::move(errors);
  form.conflict = conflict;
  if (theirs != nullptr) form.theirs = plan_fields(context, *theirs);
  form.status = status;
  return web::render_form(context, form);
}

Response new_plan(Context& context) {
  Plan plan;
  plan.kind = "strategy";
  return plan_form(context, plan, true, {}, false, 200);
}

Response create_plan_submit(Context& context) {
  validation::Errors errors;
  auto plan = plan_from_form(context, Plan{}, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id = create_plan(context.services.database, context.actor(), plan);
        return Response::redirect("/plans/" + std::to_string(id) + "?notice=notice_created");
      },
      [&](validation::Errors found, bool conflict) {
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return plan_form(context, plan, true, std::move(found), conflict, 422);
      });
}

Response edit_plan(Context& context) {
  const auto plan = readable_plan(context.services.database, context.actor(), context.path_id());
  return plan_form(context, plan, false, {}, false, 200);
}

Response update_plan_submit(Context& context) {
  const auto actor = context.actor();
  const auto stored = readable_plan(context.services.database, actor, context.path_id());
  validation::Errors errors;
  auto plan = plan_from_form(context, stored, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_plan(context.services.database, actor, plan);
        return Response::redirect("/plans/" + std::to_string(plan.id) + "?notice=notice_saved");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          // What was typed stays, now against the saved version, with the saved values beside
          // it: the second editor combines the two knowingly, retyping nothing.
          const auto fresh = readable_plan(context.services.database, actor, plan.id);
          auto typed = plan;
          typed.row_version = fresh.row_version;
          return plan_form(context, typed, false, {}, true, 409, &fresh);
        }
        return plan_form(context, plan, false, std::move(found), false, 422);
      });
}

Response create_version_submit(Context& context) {
  const auto id = new_plan_version(context.services.database, context.actor(), context.path_id());
  return Response::redirect("/plans/" + std::to_string(id) + "?notice=notice_version_created");
}

// ---- focus areas ------------------------------------------------------------------------------

Response focus_area_form(Context& context, const Plan& plan, const FocusArea& area,
                         const validation::Errors& errors, int status) {
  web::FormPage form;
  form.heading = context.text("focus_area_new") + ": " + plan.name;
  form.action = "/plans/" + std::to_string(plan.id) + "/focus-areas";
  form.submit = context.text("form_create");
  form.cancel = "/plans/" + std::to_string(plan.id);
  form.fields = {
      {.name = "name",
       .label = context.text("focus_area_name"),
       .value = area.name,
       .required = true},
      {.name = "description",
       .label = context.text("focus_area_description"),
       .value = area.description,
       .kind = Kind::textarea},
  };
  // An action plan's focus areas serve those of the district's cooperation plan above it.
  if (plan.parent_plan_id) {
    std::vector<web::Option> parents{{"", context.text("choice_none")}};
    auto sql = context.services.database.session();
    for (const auto& parent : focus_areas(sql, context.actor(), *plan.parent_plan_id)) {
      parents.push_back({std::to_string(parent.id), parent.name});
    }
    form.fields.push_back(
        {.name = "parent_focus_area_id",
         .label = context.text("focus_area_parent"),
         .value = area.parent_focus_area_id ? std::to_string(*area.parent_focus_area_id) : "",
         .kind = Kind::select,
         .hint = context.text("focus_area_parent_hint"),
         .options = parents});
  }
  form.errors = errors;
  form.status = status;
  return web::render_form(context, form);
}

Response new_focus_area(Context& context) {
  const auto plan = readable_plan(context.services.database, context.actor(), context.path_id());
  return focus_area_form(context, plan, FocusArea{}, {}, 200);
}

Response create_focus_area_submit(Context& context) {
  const auto actor = context.actor();
  const auto plan = readable_plan(context.services.database, actor, context.path_id());
  FocusArea area;
  area.plan_id = plan.id;
  area.name = context.form().value("name");
  area.description = context.form().value("description");
  validation::Errors errors;
  area.parent_focus_area_id = web::optional_number(context.form().value("parent_focus_area_id"),
                                                   "parent_focus_area_id", errors);
  try {
    validation::throw_if_any(errors);
    create_focus_area(context.services.database, actor, area);
  } catch (const validation::Invalid& invalid) {
    return focus_area_form(context, plan, area, invalid.errors, 422);
  }
  return Response::redirect("/plans/" + std::to_string(plan.id) + "?notice=notice_created");
}

}  // namespace

void add_plan_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/plans", read, show_plans});
  app.add({Method::get, "/plans/new", all, new_plan});
  app.add({Method::post, "/plans", all, create_plan_submit});
  app.add({Method::get, "/plans/{id}/edit", all, edit_plan});
  app.add({Method::post, "/plans/{id}/edit", all, update_plan_submit});
  app.add({Method::post, "/plans/{id}/versions", all, create_version_submit});
  app.add({Method::get, "/plans/{id}/focus-areas/new", all, new_focus_area});
  app.add({Method::post, "/plans/{id}/focus-areas", all, create_focus_area_submit});
}

}  // namespace samtryg::strategy
