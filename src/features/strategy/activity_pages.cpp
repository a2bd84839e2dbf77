// Activities and communication items: the forms to add and edit one (an activity has no page
// of its own; its initiative shows it).
#include "core/web/fields.hpp"
#include "core/web/form_page.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

// The built-in channels, then the workspace's own by name.
std::vector<web::Option> channel_options(Context& context) {
  auto options = web::coded_options(kChannels, "channel_", context.catalog(), true);
  auto sql = context.services.database.session();
  for (const auto& own : channels(sql, context.actor())) options.push_back({own.name, own.name});
  return options;
}

std::vector<web::Field> activity_fields(Context& context, const Activity& a) {
  const auto& catalog = context.catalog();
  const auto field = [&](const char* name, const std::string& value, Kind kind = Kind::text) {
    return web::Field{.name = name,
                      .label = context.text(std::string("activity_") + name),
                      .value = value,
                      .kind = kind};
  };
  const auto number = [&](const char* name, const std::optional<long long>& value) {
    return field(name, value ? std::to_string(*value) : std::string(), Kind::number);
  };
  // "ongoing" is shown as the reader's word, which the field accepts back.
  const auto typed_when = [&](const std::string& when) {
    return when == "ongoing" ? std::string(context.text("when_ongoing")) : when;
  };
  const auto hinted = [&](web::Field made, const char* hint) {
    made.hint = context.text(hint);
    return made;
  };
  auto kind = field("kind", a.kind, Kind::select);
  kind.required = true;
  kind.options = web::coded_options(kActivityKinds, "activity_kind_", catalog);
  auto status = field("status", a.status, Kind::select);
  status.required = true;
  status.options = web::coded_options(kActivityStatuses, "activity_status_", catalog);
  auto links = hinted(field("links", a.links, Kind::textarea), "activity_links_hint");
  links.rows = 3;
  auto channel = hinted(field("channel", a.channel, Kind::select), "activity_channel_hint");
  channel.options = channel_options(context);
  auto title = field("title", a.title);
  title.required = true;
  return {
      title,
      kind,
      status,
      hinted(field("planned_when", typed_when(a.planned_when)), "when_hint"),
      hinted(field("done_when", typed_when(a.done_when)), "when_hint"),
      field("description", a.description, Kind::textarea),
      field("responsible", a.responsible),
      links,
      channel,
      number("likes", a.likes),
      number("reactions", a.reactions),
      number("shares", a.shares),
      number("reach", a.reach),
      number("views", a.views),
  };
}

Activity activity_from_form(Context& context, Activity a, validation::Errors& errors) {
  const auto& form = context.form();
  a.title = form.value("title");
  a.kind = form.value("kind");
  a.status = form.value("status");
  a.planned_when = flexible_date_code(form.value("planned_when"));
  a.done_when = flexible_date_code(form.value("done_when"));
  a.description = form.value("description");
  a.responsible = form.value("responsible");
  a.links = form.value("links");
  a.channel = form.value("channel");
  const auto number = [&](const char* name) {
    return web::optional_number(form.value(name), name, errors);
  };
  a.likes = number("likes");
  a.reactions = number("reactions");
  a.shares = number("shares");
  a.reach = number("reach");
  a.views = number("views");
  if (auto version = number("row_version")) a.row_version = *version;
  return a;
}

// `theirs`: after a refused save, the saved activity, shown beside what was typed.
Response activity_form(Context& context, const Activity& a, const std::string& initiative_name,
                       validation::Errors errors, bool conflict, int status,
                       const Activity* theirs = nullptr) {
  const bool is_new = a.id == 0;
  web::FormPage form;
  form.heading = context.text(is_new ? "activity_new" : "activity_edit") + ": " + initiative_name;
  form.action = is_new ? "/initiatives/" + std::to_string(a.initiative_id) + "/activities"
                       : "/activities/" + std::to_string(a.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = "/initiatives/" + std::to_string(a.initiative_id) + "#activities";
  form.fields = activity_fields(context, a);
  if (!is_new) form.hidden = web::hidden_values({{"row_version", std::to_string(a.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  if (theirs != nullptr) form.theirs = activity_fields(context, *theirs);
  form.status = status;
  return web::render_form(context, form);
}

// The activity (none for a new one) and its initiative, when this person may change it.
struct Target {
  Activity activity;
  Initiative initiative;
};

Target editable_target(Context& context, const Actor& actor, bool is_new) {
  auto sql = context.services.database.session();
  Target target;
  if (is_new) {
    target.initiative = editable_initiative(sql, actor, context.path_id());
    target.activity.initiative_id = target.initiative.id;
  } else {
    target.activity = readable_activity(sql, actor, context.path_id());
    target.initiative = editable_initiative(sql, actor, target.activity.initiative_id);
  }
  return target;
}

Response new_activity(Context& context) {
  const auto target = editable_target(context, context.actor(), true);
  return activity_form(context, target.activity, target.initiative.name, {}, false, 200);
}

Response create_activity_submit(Context& context) {
  const auto actor = context.actor();
  const auto target = editable_target(context, actor, true);
  validation::Errors errors;
  auto a = activity_from_form(context, target.activity, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        create_activity(context.services.database, actor, a);
        return Response::redirect("/initiatives/" + std::to_string(target.initiative.id) +
                                  "?notice=notice_created#activities");
      },
      [&](validation::Errors found, bool conflict) {
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return activity_form(context, a, target.initiative.name, std::move(found), conflict, 422);
      });
}

Response edit_activity(Context& context) {
  const auto target = editable_target(context, context.actor(), false);
  return activity_form(context, target.activity, target.initiative.name, {}, false, 200);
}

Response update_activity_submit(Context& context) {
  const auto actor = context.actor();
  const auto target = editable_target(context, actor, false);
  validation::Errors errors;
  auto a = activity_from_form(context, target.activity, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_activity(context.services.database, actor, a);
        return Response::redirect("/initiatives/" + std::to_string(a.initiative_id) +
                                  "?notice=notice_saved#activities");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          const auto fresh = readable_activity(context.services.database, actor, a.id);
          auto typed = a;
          typed.row_version = fresh.row_version;
          return activity_form(context, typed, target.initiative.name, {}, true, 409, &fresh);
        }
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return activity_form(context, a, target.initiative.name, std::move(found), false, 422);
      });
}

// An activity has no page of its own: its initiative shows it.
Response show_activity(Context& context) {
  const auto a = readable_activity(context.services.database, context.actor(), context.path_id());
  return Response::redirect("/initiatives/" + std::to_string(a.initiative_id) + "#activities");
}

}  // namespace

void add_activity_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto own = web::Access::needs(auth::Permission::edit_own);
  app.add({Method::get, "/initiatives/{id}/activities/new", own, new_activity});
  app.add({Method::post, "/initiatives/{id}/activities", own, create_activity_submit});
  app.add({Method::get, "/activities/{id}", read, show_activity});
  app.add({Method::get, "/activities/{id}/edit", own, edit_activity});
  app.add({Method::post, "/activities/{id}/edit", own, update_activity_submit});
}

}  // namespace samtryg::strategy
