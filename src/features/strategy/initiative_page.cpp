// The initiative page: its texts and facts, sub-initiatives, activities, documents, status
// history and status change, and the sections other features add (strategy::InitiativeSections).
#include "core/auth/store.hpp"
#include "core/demo/marks.hpp"
#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/links.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/page.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/hooks.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

// What the status change form shows: the person's input again after a refusal.
struct StatusInput {
  std::string status{};
  std::string reason{};
  std::string changed_on{};
};

std::string figures_text(const Context& context, const Activity& activity) {
  std::string out;
  const std::pair<const char*, const std::optional<long long>*> figures[] = {
      {"activity_likes", &activity.likes},
      {"activity_reactions", &activity.reactions},
      {"activity_shares", &activity.shares},
      {"activity_reach", &activity.reach},
      {"activity_views", &activity.views}};
  for (const auto& [key, value] : figures) {
    if (!value->has_value()) continue;
    if (!out.empty()) out += " · ";
    out += context.text(key) + " " +
           i18n::format_number(static_cast<double>(**value), 0, context.language);
  }
  return out;
}

// Its facts: plan, parent, lead, status, focus area and the like.
void add_facts(view::Data& data, const Context& context, soci::session& sql, const Actor& actor,
               const Initiative& v, const std::optional<Initiative>& parent) {
  const auto plan = find_plan(sql, actor, v.plan_id);
  data.set("id", std::to_string(v.id));
  data.set("name", v.name);
  data.set("plan_id", std::to_string(v.plan_id));
  data.set("plan_name", plan ? plan->name : std::string());
  data.set("parent_id", view::text(parent ? std::to_string(parent->id) : ""));
  data.set("parent_name", parent ? parent->name : std::string());
  data.set("status", web::code_label(context, "status_", v.status));
  data.set("status_code", v.status);
  std::string lead = v.lead_title;
  if (v.lead_user_id) {
    if (const auto user = auth::find_user(sql, *v.lead_user_id)) {
      lead = user->name + (v.lead_title.empty() ? "" : " (" + v.lead_title + ")");
    }
  }
  data.set("lead", lead.empty() ? context.text("initiative_lead_none") : lead);
  data.set("anchoring", view::text(v.anchoring));
  data.set("start", view::text(v.start_date.empty()
                                   ? ""
                                   : i18n::format_iso_date(v.start_date, context.language)));
  data.set("in_plan_text",
           context.text(v.in_plan ? "initiative_in_plan_yes" : "initiative_in_plan_no"));
  data.set("added_year", view::text(v.added_year ? std::to_string(*v.added_year) : ""));
  const auto area = v.focus_area_id ? find_focus_area(sql, actor, *v.focus_area_id) : std::nullopt;
  data.set("focus_area", view::text(area ? area->name : std::string()));
  data.set("themes", view::text(v.themes));
  data.set("working_group", view::text(v.working_group));
  auto texts = view::list();
  for (const auto& [key, text] : {std::pair{"initiative_purpose", &v.purpose},
                                  {"initiative_goals", &v.goals},
                                  {"initiative_background", &v.background},
                                  {"initiative_already_done", &v.already_done},
                                  {"initiative_focus", &v.focus}}) {
    if (text->empty()) continue;
    view::Data item;
    item.set("heading", context.text(key));
    item.set("text_html", documents::markdown_html(*text));
    texts.push_back(item);
  }
  data.set("texts", texts);
}

view::Data sub_initiatives(const Context& context, soci::session& sql, const Actor& actor,
                           const Initiative& v) {
  auto subs = view::list();
  for (const auto& row : initiatives(sql, actor, InitiativeFilter{.parent_id = v.id})) {
    view::Data item;
    item.set("id", std::to_string(row.initiative.id));
    item.set("name", row.initiative.name);
    item.set("status", web::code_label(context, "status_", row.initiative.status));
    subs.push_back(item);
  }
  return subs;
}

view::Data activity_items(const Context& context, soci::session& sql, const Actor& actor,
                          const Initiative& v) {
  auto items = view::list();
  const auto marked = demo::marks_of(sql, actor.workspace_id, "activity");
  for (const auto& activity : activities(sql, actor, ActivityFilter{.initiative_id = v.id})) {
    view::Data item;
    const auto marks = marked.find(activity.id);
    item.set("example",
             view::text(marks == marked.end()
                            ? std::string()
                            : demo::example_note(context.catalog(), "activity_", marks->second)));
    item.set("id", std::to_string(activity.id));
    item.set("title", activity.title);
    item.set("kind", web::code_label(context, "activity_kind_", activity.kind));
    item.set("status", web::code_label(context, "activity_status_", activity.status));
    const auto& when = activity.status == "done" || !activity.done_when.empty()
                           ? activity.done_when
                           : activity.planned_when;
    item.set("when", flexible_text(context, when));
    item.set("channel", view::text(channel_label(context.catalog(), activity.channel)));
    item.set("figures", view::text(figures_text(context, activity)));
    auto links = view::list();
    for (const auto& url : split_lines(activity.links)) {
      view::Data link;
      link.set("url", url);
      link.set("href", view::text(safe_link(url)));
      links.push_back(link);
    }
    item.set("links", links);
    item.set("edit_label",
             context.catalog().format("activity_edit_named", {{"title", activity.title}}));
    items.push_back(item);
  }
  return items;
}

view::Data status_history(const Context& context, soci::session& sql, const Actor& actor,
                          const Initiative& v) {
  auto history = view::list();
  for (const auto& change : status_changes(sql, actor, v.id)) {
    view::Data item;
    item.set("status", web::code_label(context, "status_", change.status));
    item.set("date", i18n::format_iso_date(change.changed_on, context.language));
    item.set("reason", view::text(change.reason));
    item.set("actor", change.actor);
    history.push_back(item);
  }
  return history;
}

// The status change form: the statuses the life cycle allows from here.
void add_status_form(view::Data& data, const Context& context, const Initiative& v,
                     const validation::Errors& errors, const StatusInput& input) {
  std::vector<web::Option> transitions;
  for (const auto code : kInitiativeStatuses) {
    if (status_change_allowed(v.status, code)) {
      transitions.push_back({std::string(code), web::code_label(context, "status_", code)});
    }
  }
  data.set("has_transitions", view::flag(!transitions.empty()));
  const auto chosen =
      input.status.empty() && !transitions.empty() ? transitions.front().code : input.status;
  const std::vector<web::Field> fields{
      {.name = "status",
       .label = context.text("status_change_to"),
       .value = chosen,
       .kind = Kind::select,
       .required = true,
       .options = transitions},
      {.name = "changed_on",
       .label = context.text("status_change_on"),
       .value = input.changed_on,
       .kind = Kind::date,
       .required = true,
       .hint = context.text("date_hint")},
      {.name = "reason",
       .label = context.text("status_change_reason"),
       .value = input.reason,
       .hint = context.text("status_change_reason_hint")},
  };
  data.set("fields", web::fields_data(fields, errors, context.catalog()));
  web::add_errors(data, errors, context.catalog());
}

Response initiative_page(Context& context, const Initiative& v, const validation::Errors& errors,
                         const StatusInput& input, int status) {
  // Before this page takes its own connection: the sections read through their own.
  std::string extra_sections;
  for (const auto& section : context.services.hooks.find<InitiativeSections>().sections) {
    extra_sections += section(context, v.id, v.plan_id);
  }
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto parent =
      v.parent_initiative_id ? find_initiative(sql, actor, *v.parent_initiative_id) : std::nullopt;
  const bool can_edit = may_edit(sql, actor, v);

  view::Data data;
  add_facts(data, context, sql, actor, v, parent);
  data.set("can_edit", view::flag(can_edit));
  data.set("can_history", view::flag(actor.read_all));
  // Leads get their initiative's changes anyway; following is for the rest of the staff.
  const bool can_follow = actor.read_all && actor.user_id && v.lead_user_id != actor.user_id;
  data.set("can_follow", view::flag(can_follow));
  data.set("following", view::flag(can_follow && follows(sql, actor, v.id)));
  data.set("row_version", std::to_string(v.row_version));
  data.set("notice", view::text(notice_text(context)));
  auto subs = sub_initiatives(context, sql, actor, v);
  data.set("has_subs", view::flag(!subs.is_empty_list()));
  data.set("subs", subs);
  auto documents = document_list(context, sql, actor, std::nullopt, v.id, can_edit);
  data.set("has_documents", view::flag(!documents.is_empty_list()));
  data.set("documents", documents);
  auto activities = activity_items(context, sql, actor, v);
  data.set("has_activities", view::flag(!activities.is_empty_list()));
  data.set("activities", activities);
  data.set("activities_caption",
           context.catalog().format("activities_caption", {{"name", v.name}}));
  data.set("history", status_history(context, sql, actor, v));
  data.set("example_note", view::text(demo::example_note(
                               context.catalog(), "initiative_",
                               demo::marks_of(sql, actor.workspace_id, "initiative", v.id))));
  add_status_form(data, context, v, errors, input);
  data.set("extra_sections", extra_sections);
  return web::render_page(context, kTemplates("initiative"), std::move(data),
                          {.title = v.name, .status = status, .nav = "plans"});
}

Response show_initiative(Context& context) {
  const auto v = readable_initiative(context.services.database, context.actor(), context.path_id());
  return initiative_page(context, v, {}, {.changed_on = today_iso_utc()}, 200);
}

Response change_status_submit(Context& context) {
  const auto actor = context.actor();
  Initiative v;
  {
    auto sql = context.services.database.session();
    v = editable_initiative(sql, actor, context.path_id());
  }
  const auto& form = context.form();
  const StatusInput input{form.value("status"), form.value("reason"), form.value("changed_on")};
  validation::Errors errors;
  const auto version = web::optional_number(form.value("row_version"), "row_version", errors);
  try {
    change_initiative_status(context.services.database, actor, v.id, version.value_or(0),
                             input.status, input.changed_on, input.reason);
  } catch (const validation::Invalid& invalid) {
    return initiative_page(context, v, invalid.errors, input, 422);
  }
  return Response::redirect("/initiatives/" + std::to_string(v.id) +
                            "?notice=notice_status_changed");
}

}  // namespace

void add_initiative_page_routes(web::App& app) {
  app.add({http::Method::get, "/initiatives/{id}",
           web::Access::needs(auth::Permission::read_published), show_initiative});
  app.add({http::Method::post, "/initiatives/{id}/status",
           web::Access::needs(auth::Permission::edit_own), change_status_submit});
}

}  // namespace samtryg::strategy
