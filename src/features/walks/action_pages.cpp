// The action list: adding an action to a finding (coordinators), and moving one along (its
// owner too): in progress, done, declined with a reason, referred to another body.
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/page_support.hpp"

namespace samtryg::walks {

namespace {

struct ActionForm {
  Action action;
  std::string owner;
};

std::vector<web::Field> action_fields(const Context& context, soci::session& sql,
                                      const ActionForm& f, bool status_only) {
  const auto& a = f.action;
  web::Field status{.name = "status",
                    .label = context.text("walk_action_status"),
                    .value = a.status,
                    .kind = Kind::select,
                    .required = true};
  status.options = web::coded_options(kActionStatuses, "walk_action_status_", context.catalog());
  web::Field note{.name = "status_note",
                  .label = context.text("walk_action_status_note"),
                  .value = a.status_note,
                  .hint = context.text("walk_action_status_note_hint")};
  if (status_only) return {status, note};
  web::Field owner{.name = "owner_user_id",
                   .label = context.text("walk_action_owner"),
                   .value = f.owner,
                   .kind = Kind::select,
                   .hint = context.text("walk_action_owner_hint")};
  owner.options = owner_options(context, sql);
  return {
      {.name = "description",
       .label = context.text("walk_action_description"),
       .value = a.description,
       .kind = Kind::textarea,
       .required = true,
       .rows = 3},
      {.name = "responsible_party",
       .label = context.text("walk_action_party"),
       .value = a.responsible_party,
       .hint = context.text("walk_action_party_hint")},
      owner,
      {.name = "due_date",
       .label = context.text("walk_action_due"),
       .value = a.due_date,
       .kind = Kind::date,
       .hint = context.text("date_hint")},
      status,
      note,
  };
}

ActionForm action_from_form(Context& context, Action action, validation::Errors& errors) {
  const auto& form = context.form();
  ActionForm f;
  action.status = form.value("status");
  action.status_note = std::string(trim(form.value("status_note")));
  if (form.get("description")) {
    action.description = form.value("description");
    action.responsible_party = std::string(trim(form.value("responsible_party")));
    action.due_date = std::string(trim(form.value("due_date")));
    f.owner = form.value("owner_user_id");
    action.owner_user_id = web::optional_number(f.owner, "owner_user_id", errors);
  } else if (action.owner_user_id) {
    f.owner = std::to_string(*action.owner_user_id);
  }
  if (const auto version = parse_integer(form.value("row_version"))) {
    action.row_version = *version;
  }
  f.action = std::move(action);
  return f;
}

Response action_form(Context& context, const WalkRecord& record, const Finding& finding,
                     const ActionForm& f, bool is_new, validation::Errors errors, bool conflict,
                     int status) {
  auto sql = context.services.database.session();
  const auto actor = context.actor();
  web::FormPage form;
  const auto number = std::to_string(finding.number);
  form.heading = context.catalog().format(is_new ? "walk_action_new" : "walk_action_edit",
                                          {{"number", number}}) +
                 " – " + walk_title(context, record.walk);
  form.intro = finding.description;
  const auto base = walk_path(record.walk.id);
  form.action = is_new ? base + "/findings/" + std::to_string(finding.id) + "/actions"
                       : "/walk-actions/" + std::to_string(f.action.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = base + "#finding-" + std::to_string(finding.id);
  form.fields = action_fields(context, sql, f, !is_new && !actor.edit_all);
  if (!is_new) {
    form.hidden = web::hidden_values({{"row_version", std::to_string(f.action.row_version)}});
  }
  form.errors = std::move(errors);
  form.conflict = conflict;
  form.status = status;
  form.nav = "walks";
  return web::render_form(context, form);
}

Response new_action(Context& context) {
  const auto record = walk_record(context.services.database, context.actor(), context.path_id());
  const auto& finding = finding_in(record, context.path_id("finding"));
  return action_form(context, record, finding, {}, true, {}, false, 200);
}

Response create_action_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = walk_record(context.services.database, context.actor(), context.path_id());
  const auto& finding = finding_in(record, context.path_id("finding"));
  validation::Errors errors;
  Action blank;
  blank.finding_id = finding.id;
  auto f = action_from_form(context, blank, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        add_action(context.services.database, actor, record.walk.id, f.action);
        return Response::redirect(walk_path(record.walk.id) +
                                  "?notice=notice_action_added#finding-" +
                                  std::to_string(finding.id));
      },
      [&](validation::Errors found, bool conflict) {
        found.add_all(errors);
        return action_form(context, record, finding, f, true, std::move(found), conflict, 422);
      });
}

// The action with its walk and finding, when the actor sees the walk.
struct Located {
  WalkRecord record;
  Action action;
};

Located locate(Context& context, long long action_id) {
  auto sql = context.services.database.session();
  const auto actor = context.actor();
  const auto found = readable_action(sql, actor, action_id);
  return {walk_record(sql, actor, found.walk_id), found.action};
}

Response edit_action(Context& context) {
  const auto located = locate(context, context.path_id());
  if (!may_update(context.actor(), located.action)) throw validation::Forbidden();
  ActionForm f;
  f.action = located.action;
  if (located.action.owner_user_id) f.owner = std::to_string(*located.action.owner_user_id);
  return action_form(context, located.record, finding_in(located.record, located.action.finding_id),
                     f, false, {}, false, 200);
}

Response update_action_submit(Context& context) {
  const auto actor = context.actor();
  const auto located = locate(context, context.path_id());
  validation::Errors errors;
  auto f = action_from_form(context, located.action, errors);
  const auto& finding = finding_in(located.record, located.action.finding_id);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_action(context.services.database, actor, f.action);
        return Response::redirect(walk_path(located.record.walk.id) +
                                  "?notice=notice_saved#finding-" + std::to_string(finding.id));
      },
      [&](validation::Errors found, bool conflict) {
        found.add_all(errors);
        if (conflict) f.action.row_version = locate(context, f.action.id).action.row_version;
        return action_form(context, located.record, finding, f, false, std::move(found), conflict,
                           conflict ? 409 : 422);
      });
}

}  // namespace

void add_action_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  const auto own = web::Access::needs(auth::Permission::edit_own);
  app.add({Method::get, "/walks/{id}/findings/{finding}/actions/new", all, new_action});
  app.add({Method::post, "/walks/{id}/findings/{finding}/actions", all, create_action_submit});
  app.add({Method::get, "/walk-actions/{id}/edit", own, edit_action});
  app.add({Method::post, "/walk-actions/{id}/edit", own, update_action_submit});
}

}  // namespace samtryg::walks
