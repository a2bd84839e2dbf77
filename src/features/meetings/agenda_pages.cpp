// The agenda and the minutes: adding an item, writing its minutes, moving it up or down,
// deleting it after a confirmation; recording a decision under an item (numbered through the
// meeting) and an action item with its owner and due day; the owner marking an action done.
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/page_support.hpp"

namespace samtryg::meetings {

namespace {

std::string item_anchor(long long meeting_id, long long item_id) {
  return meeting_path(meeting_id) + "#item-" + std::to_string(item_id);
}

// ---- items ------------------------------------------------------------------------------------

std::vector<web::Field> item_fields(const Context& context, const Item& item, bool is_new) {
  std::vector<web::Field> fields{
      {.name = "title",
       .label = context.text("meeting_item_title"),
       .value = item.title,
       .required = true},
      {.name = "description",
       .label = context.text("meeting_item_description"),
       .value = item.description,
       .kind = Kind::textarea,
       .hint = context.text("meeting_item_description_hint"),
       .rows = 3},
  };
  if (!is_new) {
    fields.push_back({.name = "minutes",
                      .label = context.text("meeting_item_minutes"),
                      .value = item.minutes,
                      .kind = Kind::textarea,
                      .hint = context.text("meeting_item_minutes_hint"),
                      .rows = 8});
  }
  return fields;
}

Response item_form(Context& context, const Meeting& meeting, const Item& item,
                   const validation::Errors& errors, bool conflict, int status) {
  const bool is_new = item.id == 0;
  web::FormPage form;
  form.heading =
      context.text(is_new ? "meeting_item_new" : "meeting_item_edit") + ": " + meeting.title;
  const auto base = meeting_path(meeting.id) + "/items";
  form.action = is_new ? base : base + "/" + std::to_string(item.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = meeting_path(meeting.id);
  form.fields = item_fields(context, item, is_new);
  if (!is_new)
    form.hidden = web::hidden_values({{"row_version", std::to_string(item.row_version)}});
  form.errors = errors;
  form.conflict = conflict;
  form.status = status;
  form.nav = "meetings";
  return web::render_form(context, form);
}

Item item_from_form(Context& context, Item item) {
  const auto& form = context.form();
  item.title = std::string(trim(form.value("title")));
  item.description = form.value("description");
  if (form.get("minutes")) item.minutes = form.value("minutes");
  if (const auto version = parse_integer(form.value("row_version"))) item.row_version = *version;
  return item;
}

Response new_item(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  return item_form(context, record.meeting, Item{}, {}, false, 200);
}

Response create_item_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = meeting_record(context.services.database, actor, context.path_id());
  const auto item = item_from_form(context, Item{});
  return web::submit(
      [&] {
        const auto id = add_item(context.services.database, actor, record.meeting.id, item);
        return Response::redirect(meeting_path(record.meeting.id) +
                                  "?notice=notice_meeting_item_added#item-" + std::to_string(id));
      },
      [&](const validation::Errors& found, bool conflict) {
        return item_form(context, record.meeting, item, found, conflict, 422);
      });
}

Response edit_item(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  return item_form(context, record.meeting, item_in(record, context.path_id("item")), {}, false,
                   200);
}

Response update_item_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = meeting_record(context.services.database, actor, context.path_id());
  const auto item = item_from_form(context, item_in(record, context.path_id("item")));
  return web::submit(
      [&] {
        update_item(context.services.database, actor, record.meeting.id, item);
        return Response::redirect(meeting_path(record.meeting.id) + "?notice=notice_saved#item-" +
                                  std::to_string(item.id));
      },
      [&](const validation::Errors& found, bool conflict) {
        return item_form(context, record.meeting, item, found, conflict, conflict ? 409 : 422);
      });
}

Response move_item_submit(Context& context) {
  const auto id = context.path_id();
  const auto item = context.path_id("item");
  move_item(context.services.database, context.actor(), id, item,
            context.form().value("direction") == "up");
  return Response::redirect(item_anchor(id, item));
}

Response confirm_delete_item(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  const auto& item = item_in(record, context.path_id("item"));
  const auto path = meeting_path(record.meeting.id);
  return web::render_confirm(
      context,
      {.heading = context.catalog().format("meeting_item_delete_heading", {{"title", item.title}}),
       .text = context.text("meeting_item_delete_text"),
       .confirm = context.text("delete_confirm"),
       .action = path + "/items/" + std::to_string(item.id) + "/delete",
       .cancel = path,
       .nav = "meetings"});
}

Response delete_item_submit(Context& context) {
  const auto id = context.path_id();
  delete_item(context.services.database, context.actor(), id, context.path_id("item"));
  return Response::redirect(meeting_path(id) + "?notice=notice_deleted");
}

// ---- decisions and action items ----------------------------------------------------------------

Response decision_form(Context& context, const MeetingRecord& record, const Item& item,
                       const Decision& decision, const validation::Errors& errors, int status) {
  web::FormPage form;
  form.heading = context.text("meeting_decision_new") + ": " + item.title;
  form.intro = context.text("meeting_decision_intro");
  form.action =
      meeting_path(record.meeting.id) + "/items/" + std::to_string(item.id) + "/decisions";
  form.submit = context.text("meeting_decision_add");
  form.cancel = item_anchor(record.meeting.id, item.id);
  form.fields = {{.name = "text",
                  .label = context.text("meeting_decision_text"),
                  .value = decision.text,
                  .kind = Kind::textarea,
                  .required = true,
                  .rows = 4},
                 {.name = "published",
                  .label = context.text("meeting_decision_published"),
                  .value = decision.published ? "1" : "",
                  .kind = Kind::checkbox,
                  .hint = context.text("meeting_decision_published_hint")}};
  form.errors = errors;
  form.status = status;
  form.nav = "meetings";
  return web::render_form(context, form);
}

Response new_decision(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  return decision_form(context, record, item_in(record, context.path_id("item")), Decision{}, {},
                       200);
}

Response create_decision_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = meeting_record(context.services.database, actor, context.path_id());
  const auto& item = item_in(record, context.path_id("item"));
  Decision decision;
  decision.item_id = item.id;
  decision.text = std::string(trim(context.form().value("text")));
  decision.published = context.form().value("published") == "1";
  return web::submit(
      [&] {
        add_decision(context.services.database, actor, record.meeting.id, decision);
        return Response::redirect(meeting_path(record.meeting.id) +
                                  "?notice=notice_meeting_decision_added#item-" +
                                  std::to_string(item.id));
      },
      [&](const validation::Errors& found, bool) {
        return decision_form(context, record, item, decision, found, 422);
      });
}

Response action_form(Context& context, const MeetingRecord& record, const Item& item,
                     const Action& action, const validation::Errors& errors, int status) {
  auto sql = context.services.database.session();
  web::FormPage form;
  form.heading = context.text("meeting_action_new") + ": " + item.title;
  form.intro = context.text("meeting_action_intro");
  form.action = meeting_path(record.meeting.id) + "/items/" + std::to_string(item.id) + "/actions";
  form.submit = context.text("meeting_action_add");
  form.cancel = item_anchor(record.meeting.id, item.id);
  form.fields = {
      {.name = "title",
       .label = context.text("meeting_action_title"),
       .value = action.title,
       .kind = Kind::textarea,
       .required = true,
       .rows = 2},
      {.name = "owner_user_id",
       .label = context.text("meeting_action_owner"),
       .value = action.owner_user_id > 0 ? std::to_string(action.owner_user_id) : std::string(),
       .kind = Kind::select,
       .required = true,
       .options = people_options(context, sql)},
      {.name = "due_on",
       .label = context.text("meeting_action_due"),
       .value = action.due_on,
       .kind = Kind::date,
       .required = true,
       .hint = context.text("date_hint")}};
  form.errors = errors;
  form.status = status;
  form.nav = "meetings";
  return web::render_form(context, form);
}

Response new_action(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  return action_form(context, record, item_in(record, context.path_id("item")), Action{}, {}, 200);
}

Response create_action_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = meeting_record(context.services.database, actor, context.path_id());
  const auto& item = item_in(record, context.path_id("item"));
  const auto& form = context.form();
  Action action;
  action.item_id = item.id;
  action.title = std::string(trim(form.value("title")));
  action.owner_user_id = parse_integer(form.value("owner_user_id")).value_or(0);
  action.due_on = std::string(trim(form.value("due_on")));
  return web::submit(
      [&] {
        add_action(context.services.database, actor, record.meeting.id, action);
        return Response::redirect(meeting_path(record.meeting.id) +
                                  "?notice=notice_meeting_action_added#item-" +
                                  std::to_string(item.id));
      },
      [&](const validation::Errors& found, bool) {
        return action_form(context, record, item, action, found, 422);
      });
}

// The owner (from the start page or the meeting) or a coordinator marks it done or open again.
Response action_done_submit(Context& context) {
  const auto& form = context.form();
  set_action_done(context.services.database, context.actor(), context.path_id(),
                  form.value("done") == "1", local_now().substr(0, 10));
  const auto back = web::safe_local_path(form.value("return"));
  const auto joiner = back.find('?') == std::string::npos ? "?" : "&";
  return Response::redirect(back + joiner + "notice=notice_meeting_action_done");
}

Response confirm_delete_action(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  const auto id = context.path_id("action");
  for (const auto& action : record.actions) {
    if (action.id != id) continue;
    const auto path = meeting_path(record.meeting.id);
    return web::render_confirm(context,
                               {.heading = context.text("meeting_action_delete_heading"),
                                .text = action.title,
                                .confirm = context.text("delete_confirm"),
                                .action = path + "/actions/" + std::to_string(id) + "/delete",
                                .cancel = path,
                                .nav = "meetings"});
  }
  throw validation::NotFound();
}

Response delete_action_submit(Context& context) {
  const auto id = context.path_id();
  delete_action(context.services.database, context.actor(), id, context.path_id("action"));
  return Response::redirect(meeting_path(id) + "?notice=notice_deleted");
}

Response confirm_delete_decision(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  const auto id = context.path_id("decision");
  for (const auto& decision : record.decisions) {
    if (decision.id != id) continue;
    const auto path = meeting_path(record.meeting.id);
    return web::render_confirm(
        context,
        {.heading = context.catalog().format("meeting_decision_delete_heading",
                                             {{"number", std::to_string(decision.number)}}),
         .text = decision.text,
         .confirm = context.text("delete_confirm"),
         .action = path + "/decisions/" + std::to_string(id) + "/delete",
         .cancel = path,
         .nav = "meetings"});
  }
  throw validation::NotFound();
}

Response delete_decision_submit(Context& context) {
  const auto id = context.path_id();
  delete_decision(context.services.database, context.actor(), id, context.path_id("decision"));
  return Response::redirect(meeting_path(id) + "?notice=notice_deleted");
}

}  // namespace

void add_agenda_routes(web::App& app) {
  const auto members = web::Access::needs(auth::Permission::read_workspace);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/meetings/{id}/items/new", all, new_item});
  app.add({Method::post, "/meetings/{id}/items", all, create_item_submit});
  app.add({Method::get, "/meetings/{id}/items/{item}/edit", all, edit_item});
  app.add({Method::post, "/meetings/{id}/items/{item}/edit", all, update_item_submit});
  app.add({Method::post, "/meetings/{id}/items/{item}/move", all, move_item_submit});
  app.add({Method::get, "/meetings/{id}/items/{item}/delete", all, confirm_delete_item});
  app.add({Method::post, "/meetings/{id}/items/{item}/delete", all, delete_item_submit});
  app.add({Method::get, "/meetings/{id}/items/{item}/decisions/new", all, new_decision});
  app.add({Method::post, "/meetings/{id}/items/{item}/decisions", all, create_decision_submit});
  app.add(
      {Method::get, "/meetings/{id}/decisions/{decision}/delete", all, confirm_delete_decision});
  app.add(
      {Method::post, "/meetings/{id}/decisions/{decision}/delete", all, delete_decision_submit});
  app.add({Method::get, "/meetings/{id}/items/{item}/actions/new", all, new_action});
  app.add({Method::post, "/meetings/{id}/items/{item}/actions", all, create_action_submit});
  app.add({Method::get, "/meetings/{id}/actions/{action}/delete", all, confirm_delete_action});
  app.add({Method::post, "/meetings/{id}/actions/{action}/delete", all, delete_action_submit});
  app.add({Method::post, "/meeting-actions/{id}/done", members, action_done_submit});
}

}  // namespace samtryg::meetings
