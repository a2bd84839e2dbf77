#include "features/strategy/pages.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <charconv>
#include <map>

#include <boost/json/serialize.hpp>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/history/subjects.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/hooks.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::strategy {

namespace {

using http::Method;
using http::Response;
using web::Access;
using web::Context;
using web::Field;
using Kind = web::Field::Kind;

std::string template_path(std::string_view name) {
  return "src/features/strategy/templates/" + std::string(name) + ".mustache";
}

using web::FormPage;
using web::render_form;
using web::submit;

std::string t(const Context& context, std::string_view key) {
  return web::text_of(context, key);
}

long long id_param(const Context& context, std::string_view name = "id") {
  return context.path_id(name);
}

// Form text for an optional number: empty stays empty, anything else must be a number.
std::optional<long long> optional_number(const std::string& text, std::string_view field,
                                         validation::Errors& errors) {
  if (text.empty()) return std::nullopt;
  const auto value = parse_integer(text);
  if (!value) errors.add(std::string(field), "number_invalid");
  return value;
}

std::string number_text(const std::optional<long long>& value) {
  return value ? std::to_string(*value) : std::string();
}

std::string flexible_text(const Context& context, std::string_view text) {
  const auto parsed = parse_flexible_date(text);
  if (!parsed) return std::string(text);
  switch (parsed->kind) {
    case FlexibleDate::Kind::none:
      return {};
    case FlexibleDate::Kind::ongoing:
      return t(context, "when_ongoing");
    case FlexibleDate::Kind::month:
      return i18n::format_month(parsed->year, parsed->month, context.language);
    case FlexibleDate::Kind::day:
      return i18n::format_date({parsed->year, parsed->month, parsed->day}, context.language);
  }
  return {};
}

std::string period_text(const Plan& plan, i18n::Language language) {
  return i18n::format_iso_date(plan.period_start, language) + " – " +
         i18n::format_iso_date(plan.period_end, language);
}

std::string code_label(const Context& context, std::string_view prefix, std::string_view code) {
  if (code.empty()) return {};
  return t(context, std::string(prefix) + std::string(code));
}

std::string notice_text(const Context& context) {
  return web::notice_text(context, {"notice_saved", "notice_created", "notice_status_changed",
                                    "notice_version_created", "notice_deleted"});
}

// The documents attached to a plan or an initiative, for its page (defined below).
// Reads through the caller's `sql`: a handler that holds a connection must not wait for a
// second one (with every worker doing so, the pool would deadlock).
view::Data document_list(Context& context, soci::session& sql, std::optional<long long> plan_id,
                         std::optional<long long> initiative_id, bool can_edit);

// ---- plans ----------------------------------------------------------------------------------

std::vector<web::Option> plan_options(const Context& context, long long except_id) {
  std::vector<web::Option> options{{"", t(context, "choice_none")}};
  auto sql = context.services.database.session();
  for (const auto& plan : store::plans(sql, context.workspace().id)) {
    if (plan.id == except_id) continue;
    options.push_back(
        {std::to_string(plan.id), plan.name + " (v" + std::to_string(plan.version) + ")"});
  }
  return options;
}

std::vector<Field> plan_fields(const Context& context, const Plan& plan) {
  const auto& catalog = context.catalog();
  return {
      {"name", t(context, "plan_name"), plan.name, Kind::text, true, {}, {}, 4},
      {"kind",
       t(context, "plan_kind"),
       plan.kind,
       Kind::select,
       true,
       {},
       web::coded_options(codes_of(kPlanKinds), "plan_kind_", catalog),
       4},
      {"period_start",
       t(context, "plan_period_start"),
       plan.period_start,
       Kind::date,
       true,
       t(context, "date_hint"),
       {},
       4},
      {"period_end",
       t(context, "plan_period_end"),
       plan.period_end,
       Kind::date,
       true,
       t(context, "date_hint"),
       {},
       4},
      {"adopted_on",
       t(context, "plan_adopted_on"),
       plan.adopted_on,
       Kind::date,
       false,
       t(context, "date_hint"),
       {},
       4},
      {"parent_plan_id", t(context, "plan_parent"),
       plan.parent_plan_id ? std::to_string(*plan.parent_plan_id) : "", Kind::select, false,
       t(context, "plan_parent_hint"), plan_options(context, plan.id), 4},
      {"summary", t(context, "plan_summary"), plan.summary, Kind::textarea, false, {}, {}, 8},
      {"published",
       t(context, "plan_published"),
       plan.published ? "1" : "",
       Kind::checkbox,
       false,
       {},
       {},
       4},
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
  plan.parent_plan_id = optional_number(form.value("parent_plan_id"), "parent_plan_id", errors);
  if (auto version = optional_number(form.value("row_version"), "row_version", errors)) {
    plan.row_version = *version;
  }
  return plan;
}

Response show_plans(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  auto all = store::plans(sql, context.workspace().id);
  std::map<long long, std::string> names;
  for (const auto& plan : all) names[plan.id] = plan.name;
  auto rows = view::list();
  for (const auto& plan : all) {
    if (!actor.read_all && !plan.published) continue;
    store::InitiativeFilter filter;
    filter.workspace_id = plan.workspace_id;
    filter.plan_id = plan.id;
    filter.published_only = !actor.read_all;
    view::Data row;
    row.set("id", std::to_string(plan.id));
    row.set("name", plan.name);
    row.set("kind", code_label(context, "plan_kind_", plan.kind));
    row.set("version", std::to_string(plan.version));
    row.set("period", period_text(plan, context.language));
    row.set("count", std::to_string(store::count_initiatives(sql, filter)));
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
  return web::render_page(context, template_path("plans"), std::move(data),
                          {.title = t(context, "plans_title"), .status = 200, .nav = "plans"});
}

Response plan_form(Context& context, const Plan& plan, bool is_new, validation::Errors errors,
                   bool conflict, int status) {
  FormPage form;
  form.heading = is_new ? t(context, "plans_new") : t(context, "plan_edit") + ": " + plan.name;
  form.action = is_new ? "/plans" : "/plans/" + std::to_string(plan.id) + "/edit";
  form.submit = t(context, is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/plans" : "/plans/" + std::to_string(plan.id);
  form.fields = plan_fields(context, plan);
  if (!is_new)
    form.hidden = web::hidden_values({{"row_version", std::to_string(plan.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  form.status = status;
  return render_form(context, form);
}

Response new_plan(Context& context) {
  Plan plan;
  plan.kind = "strategy";
  return plan_form(context, plan, true, {}, false, 200);
}

Response create_plan_submit(Context& context) {
  validation::Errors errors;
  auto plan = plan_from_form(context, Plan{}, errors);
  return submit(
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
  const auto plan = readable_plan(context.services.database, context.actor(), id_param(context));
  return plan_form(context, plan, false, {}, false, 200);
}

Response update_plan_submit(Context& context) {
  const auto actor = context.actor();
  const auto stored = readable_plan(context.services.database, actor, id_param(context));
  validation::Errors errors;
  auto plan = plan_from_form(context, stored, errors);
  return submit(
      [&] {
        validation::throw_if_any(errors);
        update_plan(context.services.database, actor, plan);
        return Response::redirect("/plans/" + std::to_string(plan.id) + "?notice=notice_saved");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          // Show what is stored now, so the second actor re-applies their change knowingly.
          const auto fresh = readable_plan(context.services.database, actor, plan.id);
          return plan_form(context, fresh, false, {}, true, 409);
        }
        return plan_form(context, plan, false, std::move(found), false, 422);
      });
}

Response create_version_submit(Context& context) {
  const auto id = new_plan_version(context.services.database, context.actor(), id_param(context));
  return Response::redirect("/plans/" + std::to_string(id) + "?notice=notice_version_created");
}

view::Data pager(const Context& context, const std::string& base, int page, int per_page,
                 int total) {
  view::Data data;
  const int pages = std::max(1, (total + per_page - 1) / per_page);
  if (pages <= 1) return view::flag(false);
  const auto link = [&](int target) {
    return base + (base.find('?') == std::string::npos ? "?" : "&") +
           "page=" + std::to_string(target);
  };
  data.set("prev", view::text(page > 1 ? link(page - 1) : std::string()));
  data.set("next", view::text(page < pages ? link(page + 1) : std::string()));
  data.set("text", context.catalog().format("pager_text", {{"page", std::to_string(page)},
                                                           {"pages", std::to_string(pages)}}));
  return data;
}

int page_param(const Context& context) {
  const auto parsed = parse_id(context.query("page"));
  return parsed ? static_cast<int>(std::min<long long>(*parsed, 100000)) : 1;
}

// What a cached page body depends on besides its address: the workspace's data version
// (bumped by every change), the language and what this reader may see and do.
std::string fragment_key(const Context& context, const Actor& actor, std::string_view page) {
  const auto& workspace = context.workspace();
  return std::string(page) + '|' + std::to_string(workspace.id) + '|' +
         std::to_string(workspace.data_version) + '|' + std::string(i18n::code(context.language)) +
         '|' + (actor.read_all ? '1' : '0') + (actor.edit_all ? '1' : '0') + '|' +
         context.request.target;
}

Response serve_fragment(Context& context, const web::Fragment& fragment, std::string_view nav) {
  return web::render_layout(context, fragment.body,
                            {.title = fragment.title, .status = 200, .nav = nav});
}

Response render_plan(Context& context, const Actor& actor, const std::string& key);

// The overview is the register's busiest page: its body is cached per data version.
Response show_plan(Context& context) {
  const auto actor = context.actor();
  const auto key = fragment_key(context, actor, "plan");
  if (const auto hit = context.services.fragments->find(key)) {
    return serve_fragment(context, *hit, "plans");
  }
  return render_plan(context, actor, key);
}

Response render_plan(Context& context, const Actor& actor, const std::string& key) {
  auto& database = context.services.database;
  const auto plan = readable_plan(database, actor, id_param(context));
  auto sql = database.session();

  store::InitiativeFilter filter;
  filter.workspace_id = plan.workspace_id;
  filter.plan_id = plan.id;
  filter.published_only = !actor.read_all;
  const auto status = context.query("status");
  if (is_one_of(status, kInitiativeStatuses)) filter.status = status;
  const auto lead = parse_id(context.query("lead"));
  if (lead) filter.lead_user_id = *lead;
  const auto in_plan = context.query("in_plan");
  if (in_plan == "1" || in_plan == "0") filter.in_plan = in_plan == "1" ? 1 : 0;
  const int total = store::count_initiatives(sql, filter);
  constexpr int kPerPage = 100;
  const int page = page_param(context);
  filter.limit = kPerPage;
  filter.offset = (page - 1) * kPerPage;
  const auto rows = store::initiatives(sql, filter);

  view::Data data;
  data.set("id", std::to_string(plan.id));
  data.set("name", plan.name);
  data.set("kind", code_label(context, "plan_kind_", plan.kind));
  data.set("version", std::to_string(plan.version));
  data.set("period", period_text(plan, context.language));
  data.set("adopted", view::text(plan.adopted_on.empty()
                                     ? ""
                                     : i18n::format_iso_date(plan.adopted_on, context.language)));
  data.set("summary", view::text(plan.summary));
  data.set("published", view::flag(plan.published));
  data.set("previous_id",
           view::text(plan.previous_version_id ? std::to_string(*plan.previous_version_id) : ""));
  data.set("parent_id",
           view::text(plan.parent_plan_id ? std::to_string(*plan.parent_plan_id) : ""));
  if (plan.parent_plan_id) {
    const auto parent = store::find_plan(sql, plan.workspace_id, *plan.parent_plan_id);
    data.set("parent_name", parent ? parent->name : std::string());
  }
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("can_history", view::flag(actor.read_all));
  data.set("notice", view::text(notice_text(context)));
  auto plan_links = view::list();
  for (const auto& link : context.services.hooks.find<PlanLinks>().links) {
    if (link.members_only && !actor.read_all) continue;
    view::Data item;
    item.set("href", "/plans/" + std::to_string(plan.id) + link.path);
    item.set("label", context.text(link.label_key));
    plan_links.push_back(item);
  }
  data.set("plan_links", plan_links);

  std::map<long long, std::string> parent_areas;
  if (plan.parent_plan_id) {
    for (const auto& area : store::focus_areas(sql, *plan.parent_plan_id)) {
      parent_areas[area.id] = area.name;
    }
  }
  auto areas = view::list();
  for (const auto& area : store::focus_areas(sql, plan.id)) {
    view::Data item;
    item.set("name", area.name);
    item.set("description", view::text(area.description));
    item.set("parent",
             view::text(area.parent_focus_area_id ? parent_areas[*area.parent_focus_area_id]
                                                  : std::string()));
    areas.push_back(item);
  }
  auto documents = document_list(context, sql, plan.id, std::nullopt, actor.edit_all);
  data.set("has_documents", view::flag(!documents.is_empty_list()));
  data.set("documents", documents);
  data.set("has_focus_areas", view::flag(!areas.is_empty_list()));
  data.set("focus_areas", areas);

  auto status_options =
      web::coded_options(codes_of(kInitiativeStatuses), "status_", context.catalog(), false);
  status_options.insert(status_options.begin(), {"", t(context, "filter_all")});
  std::vector<web::Option> lead_options{{"", t(context, "filter_all")}};
  for (const auto& person : store::workspace_people(sql, plan.workspace_id)) {
    lead_options.push_back({std::to_string(person.id), person.name});
  }
  const std::vector<web::Option> in_plan_options{{"", t(context, "filter_all")},
                                                 {"1", t(context, "initiative_in_plan_yes")},
                                                 {"0", t(context, "initiative_in_plan_no")}};
  const auto to_list = [](const std::vector<web::Option>& options, const std::string& selected) {
    auto list = view::list();
    for (const auto& option : options) {
      view::Data item;
      item.set("code", option.code);
      item.set("label", option.label);
      item.set("selected", view::flag(option.code == selected));
      list.push_back(item);
    }
    return list;
  };
  data.set("status_options", to_list(status_options, filter.status));
  data.set("lead_options", to_list(lead_options, lead ? std::to_string(*lead) : ""));
  data.set("in_plan_options", to_list(in_plan_options, in_plan));

  auto groups = view::list();
  std::string current;
  view::Data group;
  auto group_rows = view::list();
  int group_count = 0;
  const auto flush = [&] {
    if (current.empty()) return;
    group.set("label", code_label(context, "status_", current));
    group.set("count", std::to_string(group_count));
    group.set("rows", group_rows);
    groups.push_back(group);
    group = view::Data();
    group_rows = view::list();
    group_count = 0;
  };
  for (const auto& row : rows) {
    const auto& initiative = row.initiative;
    if (initiative.status != current) {
      flush();
      current = initiative.status;
    }
    view::Data item;
    item.set("id", std::to_string(initiative.id));
    item.set("name", initiative.name);
    item.set("sub", view::flag(initiative.parent_initiative_id.has_value()));
    item.set("in_plan", view::flag(initiative.in_plan));
    item.set("added", view::text(initiative.added_year
                                     ? context.catalog().format(
                                           "initiative_added_in",
                                           {{"year", std::to_string(*initiative.added_year)}})
                                     : std::string()));
    item.set("lead", row.lead_name);
    item.set("activities", std::to_string(row.activity_count));
    item.set("updated", i18n::format_iso_date(row.last_update, context.language));
    group_rows.push_back(item);
    ++group_count;
  }
  flush();
  data.set("groups", groups);
  data.set("shown", context.catalog().format("plan_shown", {{"count", std::to_string(total)}}));
  std::string base = "/plans/" + std::to_string(plan.id) +
                     "?status=" + web::url_encode(filter.status) +
                     "&lead=" + (lead ? std::to_string(*lead) : "") + "&in_plan=" + in_plan;
  data.set("pager", pager(context, base, page, kPerPage, total));
  const auto fragment = std::make_shared<const web::Fragment>(web::Fragment{
      plan.name, web::render_content(context, template_path("plan"), std::move(data))});
  context.services.fragments->store(key, fragment);
  return serve_fragment(context, *fragment, "plans");
}

std::string field_label(const Context& context, std::string_view field) {
  return t(context, "initiative_" + std::string(field));
}

Response show_compare(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto plan = readable_plan(database, actor, id_param(context));
  if (!plan.previous_version_id) throw validation::NotFound();
  const auto previous = readable_plan(database, actor, *plan.previous_version_id);
  auto sql = database.session();
  store::InitiativeFilter filter;
  filter.workspace_id = plan.workspace_id;
  filter.published_only = !actor.read_all;
  filter.by_id = true;
  filter.plan_id = previous.id;
  const auto before = store::initiatives(sql, filter);
  filter.plan_id = plan.id;
  const auto after = store::initiatives(sql, filter);
  // Versions match initiatives by name and parent name: a copy keeps both.
  const auto key_of = [](const std::vector<store::InitiativeRow>& rows, const Initiative& v) {
    std::string parent;
    for (const auto& row : rows) {
      if (v.parent_initiative_id == row.initiative.id) parent = row.initiative.name;
    }
    return parent + "\x1f" + v.name;
  };
  std::map<std::string, std::string> people;
  for (const auto& person : store::workspace_people(sql, plan.workspace_id)) {
    people[std::to_string(person.id)] = person.name;
  }
  // Codes and ids shown as a reader knows them.
  const auto change_text = [&](const std::string& field, const std::string& value) {
    if (field == "status") return code_label(context, "status_", value);
    if (field == "in_plan") {
      return t(context, value == "1" ? "initiative_in_plan_yes" : "initiative_in_plan_no");
    }
    if (field == "lead_user_id") return people[value];
    return value;
  };
  std::map<std::string, const Initiative*> old_by_key;
  for (const auto& row : before) old_by_key[key_of(before, row.initiative)] = &row.initiative;
  auto added = view::list();
  auto changed = view::list();
  for (const auto& row : after) {
    const auto key = key_of(after, row.initiative);
    const auto found = old_by_key.find(key);
    view::Data item;
    item.set("id", std::to_string(row.initiative.id));
    item.set("name", row.initiative.name);
    if (found == old_by_key.end()) {
      added.push_back(item);
      continue;
    }
    const auto changes = compare_initiatives(*found->second, row.initiative);
    old_by_key.erase(found);
    if (changes.empty()) continue;
    auto fields = view::list();
    for (const auto& change : changes) {
      view::Data field;
      field.set("field", field_label(context, change.field));
      field.set("before", change_text(change.field, change.before));
      field.set("after", change_text(change.field, change.after));
      fields.push_back(field);
    }
    item.set("fields", fields);
    changed.push_back(item);
  }
  auto removed = view::list();
  for (const auto& [key, initiative] : old_by_key) {
    view::Data item;
    item.set("id", std::to_string(initiative->id));
    item.set("name", initiative->name);
    removed.push_back(item);
  }
  view::Data data;
  data.set("id", std::to_string(plan.id));
  data.set("name", plan.name);
  const auto version_label = [&](const Plan& p) {
    return context.catalog().format("compare_version", {{"version", std::to_string(p.version)}});
  };
  data.set("heading",
           context.catalog().format("compare_heading", {{"from", std::to_string(previous.version)},
                                                        {"to", std::to_string(plan.version)}}));
  data.set("intro", view::text(t(context, "compare_intro")));
  data.set("before_label", version_label(previous));
  data.set("after_label", version_label(plan));
  data.set("has_added", view::flag(!added.is_empty_list()));
  data.set("added", added);
  data.set("has_removed", view::flag(!removed.is_empty_list()));
  data.set("removed", removed);
  data.set("has_changed", view::flag(!changed.is_empty_list()));
  data.set("changed", changed);
  return web::render_page(context, template_path("compare"), std::move(data),
                          {.title = plan.name, .status = 200, .nav = "plans"});
}

// ---- initiatives ------------------------------------------------------------------------------

// The initiative behind an edit form, when this person may change it (403 otherwise): the
// forms are refused up front instead of after the person has filled them in.
Initiative editable_initiative(Context& context, const Actor& actor, long long id) {
  auto initiative = readable_initiative(context.services.database, actor, id);
  std::optional<long long> parent_lead;
  if (initiative.parent_initiative_id) {
    auto sql = context.services.database.session();
    if (const auto parent =
            store::find_initiative(sql, actor.workspace_id, *initiative.parent_initiative_id)) {
      parent_lead = parent->lead_user_id;
    }
  }
  if (!may_edit(actor, initiative, parent_lead)) throw validation::Forbidden();
  return initiative;
}

std::vector<Field> initiative_fields(Context& context, const Initiative& v) {
  const auto& catalog = context.catalog();
  auto sql = context.services.database.session();
  std::vector<web::Option> leads{{"", t(context, "initiative_lead_none")}};
  for (const auto& person : store::workspace_people(sql, context.workspace().id)) {
    leads.push_back({std::to_string(person.id), person.name});
  }
  std::vector<web::Option> areas{{"", t(context, "choice_none")}};
  for (const auto& area : store::focus_areas(sql, v.plan_id)) {
    areas.push_back({std::to_string(area.id), area.name});
  }
  std::vector<web::Option> parents{{"", t(context, "initiative_parent_none")}};
  store::InitiativeFilter filter;
  filter.workspace_id = context.workspace().id;
  filter.plan_id = v.plan_id;
  filter.top_level_only = true;
  for (const auto& row : store::initiatives(sql, filter)) {
    if (row.initiative.id != v.id) {
      parents.push_back({std::to_string(row.initiative.id), row.initiative.name});
    }
  }
  const auto text = [&](const std::string& name, std::string value, Kind kind,
                        bool required = false, int rows = 4) {
    return Field{name, field_label(context, name), std::move(value), kind, required, {}, {}, rows};
  };
  std::vector<Field> fields;
  fields.push_back(text("name", v.name, Kind::text, true));
  fields.push_back({"parent_initiative_id", field_label(context, "parent_initiative_id"),
                    v.parent_initiative_id ? std::to_string(*v.parent_initiative_id) : "",
                    Kind::select, false, t(context, "initiative_parent_hint"), parents, 4});
  fields.push_back(text("purpose", v.purpose, Kind::textarea));
  fields.push_back(text("goals", v.goals, Kind::textarea));
  fields.push_back(text("background", v.background, Kind::textarea));
  fields.push_back(text("already_done", v.already_done, Kind::textarea));
  fields.push_back(text("focus", v.focus, Kind::textarea));
  fields.push_back({"lead_user_id", field_label(context, "lead_user_id"),
                    v.lead_user_id ? std::to_string(*v.lead_user_id) : "", Kind::select, false,
                    t(context, "initiative_lead_user_hint"), leads, 4});
  fields.push_back({"lead_title",
                    field_label(context, "lead_title"),
                    v.lead_title,
                    Kind::text,
                    false,
                    t(context, "initiative_lead_title_hint"),
                    {},
                    4});
  fields.push_back(text("anchoring", v.anchoring, Kind::text));
  fields.push_back(text("working_group", v.working_group, Kind::textarea, false, 3));
  fields.push_back({"themes",
                    field_label(context, "themes"),
                    v.themes,
                    Kind::text,
                    false,
                    t(context, "initiative_themes_hint"),
                    {},
                    4});
  fields.push_back({"focus_area_id",
                    field_label(context, "focus_area_id"),
                    v.focus_area_id ? std::to_string(*v.focus_area_id) : "",
                    Kind::select,
                    false,
                    {},
                    areas,
                    4});
  fields.push_back({"start_date",
                    field_label(context, "start_date"),
                    v.start_date,
                    Kind::date,
                    false,
                    t(context, "date_hint"),
                    {},
                    4});
  fields.push_back({"added_year",
                    field_label(context, "added_year"),
                    v.added_year ? std::to_string(*v.added_year) : "",
                    Kind::number,
                    false,
                    {},
                    {},
                    4});
  fields.push_back({"in_plan",
                    t(context, "initiative_in_plan_check"),
                    v.in_plan ? "1" : "",
                    Kind::checkbox,
                    false,
                    t(context, "initiative_in_plan_hint"),
                    {},
                    4});
  fields.push_back({"published",
                    t(context, "initiative_published"),
                    v.published ? "1" : "",
                    Kind::checkbox,
                    false,
                    {},
                    {},
                    4});
  if (v.id == 0) {
    fields.push_back({"status",
                      field_label(context, "status"),
                      v.status,
                      Kind::select,
                      true,
                      {},
                      web::coded_options(codes_of(kInitiativeStatuses), "status_", catalog),
                      4});
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
  v.parent_initiative_id =
      optional_number(form.value("parent_initiative_id"), "parent_initiative_id", errors);
  v.lead_user_id = optional_number(form.value("lead_user_id"), "lead_user_id", errors);
  v.focus_area_id = optional_number(form.value("focus_area_id"), "focus_area_id", errors);
  const auto year = optional_number(form.value("added_year"), "added_year", errors);
  v.added_year.reset();
  if (year && *year > 0 && *year < 10000) v.added_year = static_cast<int>(*year);
  if (year && !v.added_year) errors.add("added_year", "year_invalid");
  if (v.id == 0) v.status = form.value("status", "proposed");
  if (auto version = optional_number(form.value("row_version"), "row_version", errors)) {
    v.row_version = *version;
  }
  return v;
}

Response initiative_form(Context& context, const Initiative& v, validation::Errors errors,
                         bool conflict, int status) {
  const bool is_new = v.id == 0;
  FormPage form;
  form.heading =
      is_new ? t(context, "initiative_new") : t(context, "initiative_edit") + ": " + v.name;
  form.action = is_new ? "/plans/" + std::to_string(v.plan_id) + "/initiatives"
                       : "/initiatives/" + std::to_string(v.id) + "/edit";
  form.submit = t(context, is_new ? "form_create" : "form_save");
  form.cancel =
      is_new ? "/plans/" + std::to_string(v.plan_id) : "/initiatives/" + std::to_string(v.id);
  form.fields = initiative_fields(context, v);
  if (!is_new) form.hidden = web::hidden_values({{"row_version", std::to_string(v.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  form.status = status;
  return render_form(context, form);
}

Response new_initiative(Context& context) {
  const auto actor = context.actor();
  const auto plan = readable_plan(context.services.database, actor, id_param(context));
  Initiative v;
  v.plan_id = plan.id;
  v.status = "proposed";
  v.parent_initiative_id = parse_id(context.query("parent"));
  if (!actor.edit_all) {
    // Leads may only add platforms under their own initiatives.
    if (!v.parent_initiative_id) throw validation::Forbidden();
    const auto parent =
        readable_initiative(context.services.database, actor, *v.parent_initiative_id);
    if (!may_edit(actor, parent, std::nullopt)) throw validation::Forbidden();
  }
  return initiative_form(context, v, {}, false, 200);
}

Response create_initiative_submit(Context& context) {
  const auto actor = context.actor();
  const auto plan = readable_plan(context.services.database, actor, id_param(context));
  validation::Errors errors;
  Initiative input;
  input.plan_id = plan.id;
  auto v = initiative_from_form(context, input, errors);
  return submit(
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
  const auto actor = context.actor();
  const auto v = editable_initiative(context, actor, id_param(context));
  return initiative_form(context, v, {}, false, 200);
}

Response update_initiative_submit(Context& context) {
  const auto actor = context.actor();
  const auto stored = editable_initiative(context, actor, id_param(context));
  validation::Errors errors;
  auto v = initiative_from_form(context, stored, errors);
  return submit(
      [&] {
        validation::throw_if_any(errors);
        update_initiative(context.services.database, actor, v);
        return Response::redirect("/initiatives/" + std::to_string(v.id) + "?notice=notice_saved");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          const auto fresh = readable_initiative(context.services.database, actor, v.id);
          return initiative_form(context, fresh, {}, true, 409);
        }
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return initiative_form(context, v, std::move(found), false, 422);
      });
}

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
    out += t(context, key) + " " +
           i18n::format_number(static_cast<double>(**value), 0, context.language);
  }
  return out;
}

Response initiative_page(Context& context, const Initiative& v, const validation::Errors& errors,
                         const std::string& chosen_status, const std::string& reason,
                         const std::string& changed_on, int status) {
  // Before this page takes its own connection: the sections read through their commands.
  std::string extra_sections;
  for (const auto& section : context.services.hooks.find<InitiativeSections>().sections) {
    extra_sections += section(context, v.id, v.plan_id);
  }
  const auto actor = context.actor();
  auto& database = context.services.database;
  auto sql = database.session();
  const auto plan = store::find_plan(sql, v.workspace_id, v.plan_id);
  std::optional<Initiative> parent;
  if (v.parent_initiative_id)
    parent = store::find_initiative(sql, v.workspace_id, *v.parent_initiative_id);
  const bool can_edit = may_edit(actor, v, parent ? parent->lead_user_id : std::nullopt);

  view::Data data;
  data.set("id", std::to_string(v.id));
  data.set("name", v.name);
  data.set("plan_id", std::to_string(v.plan_id));
  data.set("plan_name", plan ? plan->name : std::string());
  data.set("parent_id", view::text(parent ? std::to_string(parent->id) : ""));
  data.set("parent_name", parent ? parent->name : std::string());
  data.set("status", code_label(context, "status_", v.status));
  data.set("status_code", v.status);
  std::string lead = v.lead_title;
  if (v.lead_user_id) {
    if (const auto user = auth::find_user(sql, *v.lead_user_id)) {
      lead = user->name + (v.lead_title.empty() ? "" : " (" + v.lead_title + ")");
    }
  }
  data.set("lead", lead.empty() ? t(context, "initiative_lead_none") : lead);
  data.set("anchoring", view::text(v.anchoring));
  data.set("start", view::text(v.start_date.empty()
                                   ? ""
                                   : i18n::format_iso_date(v.start_date, context.language)));
  data.set("in_plan_text",
           t(context, v.in_plan ? "initiative_in_plan_yes" : "initiative_in_plan_no"));
  data.set("added_year", view::text(v.added_year ? std::to_string(*v.added_year) : ""));
  std::string focus_area;
  if (v.focus_area_id) {
    if (const auto area = store::find_focus_area(sql, v.workspace_id, *v.focus_area_id)) {
      focus_area = area->name;
    }
  }
  data.set("focus_area", view::text(focus_area));
  data.set("themes", view::text(v.themes));
  data.set("working_group", view::text(v.working_group));
  data.set("can_edit", view::flag(can_edit));
  data.set("can_history", view::flag(actor.read_all));
  data.set("row_version", std::to_string(v.row_version));
  data.set("notice", view::text(notice_text(context)));

  auto texts = view::list();
  for (const auto& [key, text] : {std::pair{"initiative_purpose", &v.purpose},
                                  {"initiative_goals", &v.goals},
                                  {"initiative_background", &v.background},
                                  {"initiative_already_done", &v.already_done},
                                  {"initiative_focus", &v.focus}}) {
    if (text->empty()) continue;
    view::Data item;
    item.set("heading", t(context, key));
    item.set("text", *text);
    texts.push_back(item);
  }
  data.set("texts", texts);

  store::InitiativeFilter subs_filter;
  subs_filter.workspace_id = v.workspace_id;
  subs_filter.parent_id = v.id;
  subs_filter.published_only = !actor.read_all;
  auto subs = view::list();
  for (const auto& row : store::initiatives(sql, subs_filter)) {
    view::Data item;
    item.set("id", std::to_string(row.initiative.id));
    item.set("name", row.initiative.name);
    item.set("status", code_label(context, "status_", row.initiative.status));
    subs.push_back(item);
  }
  data.set("has_subs", view::flag(!subs.is_empty_list()));
  data.set("subs", subs);

  store::ActivityFilter activity_filter;
  activity_filter.workspace_id = v.workspace_id;
  activity_filter.initiative_id = v.id;
  auto activities = view::list();
  for (const auto& activity : store::activities(sql, activity_filter)) {
    view::Data item;
    item.set("id", std::to_string(activity.id));
    item.set("title", activity.title);
    item.set("kind", code_label(context, "activity_kind_", activity.kind));
    item.set("status", code_label(context, "activity_status_", activity.status));
    const auto& when = activity.status == "done" || !activity.done_when.empty()
                           ? activity.done_when
                           : activity.planned_when;
    item.set("when", flexible_text(context, when));
    item.set("channel", view::text(code_label(context, "channel_", activity.channel)));
    item.set("figures", view::text(figures_text(context, activity)));
    auto links = view::list();
    for (const auto& url : split_lines(activity.links)) {
      view::Data link;
      link.set("url", url);
      links.push_back(link);
    }
    item.set("links", links);
    item.set("edit_label",
             context.catalog().format("activity_edit_named", {{"title", activity.title}}));
    activities.push_back(item);
  }
  auto documents = document_list(context, sql, std::nullopt, v.id, can_edit);
  data.set("has_documents", view::flag(!documents.is_empty_list()));
  data.set("documents", documents);
  data.set("has_activities", view::flag(!activities.is_empty_list()));
  data.set("activities", activities);
  data.set("activities_caption",
           context.catalog().format("activities_caption", {{"name", v.name}}));

  auto history = view::list();
  for (const auto& change : store::status_changes(sql, v.id)) {
    view::Data item;
    item.set("status", code_label(context, "status_", change.status));
    item.set("date", i18n::format_iso_date(change.changed_on, context.language));
    item.set("reason", view::text(change.reason));
    item.set("actor", change.actor);
    history.push_back(item);
  }
  data.set("history", history);

  std::vector<web::Option> transitions;
  for (const auto code : kInitiativeStatuses) {
    if (status_change_allowed(v.status, code)) {
      transitions.push_back({std::string(code), code_label(context, "status_", code)});
    }
  }
  data.set("has_transitions", view::flag(!transitions.empty()));
  const std::vector<Field> fields{
      {"status",
       t(context, "status_change_to"),
       chosen_status.empty() && !transitions.empty() ? transitions.front().code : chosen_status,
       Kind::select,
       true,
       {},
       transitions,
       4},
      {"changed_on",
       t(context, "status_change_on"),
       changed_on,
       Kind::date,
       true,
       t(context, "date_hint"),
       {},
       4},
      {"reason",
       t(context, "status_change_reason"),
       reason,
       Kind::text,
       false,
       t(context, "status_change_reason_hint"),
       {},
       4},
  };
  data.set("fields", web::fields_data(fields, errors, context.catalog()));
  data.set("extra_sections", extra_sections);
  web::add_errors(data, errors, context.catalog());
  return web::render_page(context, template_path("initiative"), std::move(data),
                          {.title = v.name, .status = status, .nav = "plans"});
}

Response show_initiative(Context& context) {
  const auto v = readable_initiative(context.services.database, context.actor(), id_param(context));
  return initiative_page(context, v, {}, "", "", today_iso_utc(), 200);
}

Response change_status_submit(Context& context) {
  const auto actor = context.actor();
  const auto v = editable_initiative(context, actor, id_param(context));
  const auto& form = context.form();
  const auto status = form.value("status");
  const auto changed_on = form.value("changed_on");
  const auto reason = form.value("reason");
  validation::Errors errors;
  const auto version = optional_number(form.value("row_version"), "row_version", errors);
  try {
    change_initiative_status(context.services.database, actor, v.id, version.value_or(0), status,
                             changed_on, reason);
  } catch (const validation::Invalid& invalid) {
    return initiative_page(context, v, invalid.errors, status, reason, changed_on, 422);
  }
  return Response::redirect("/initiatives/" + std::to_string(v.id) +
                            "?notice=notice_status_changed");
}

// ---- activities -----------------------------------------------------------------------------

std::vector<Field> activity_fields(const Context& context, const Activity& a) {
  const auto& catalog = context.catalog();
  const auto number = [&](const char* name, const std::optional<long long>& value) {
    return Field{name,
                 t(context, std::string("activity_") + name),
                 number_text(value),
                 Kind::number,
                 false,
                 {},
                 {},
                 4};
  };
  return {
      {"title", t(context, "activity_title"), a.title, Kind::text, true, {}, {}, 4},
      {"kind",
       t(context, "activity_kind"),
       a.kind,
       Kind::select,
       true,
       {},
       web::coded_options(codes_of(kActivityKinds), "activity_kind_", catalog),
       4},
      {"status",
       t(context, "activity_status"),
       a.status,
       Kind::select,
       true,
       {},
       web::coded_options(codes_of(kActivityStatuses), "activity_status_", catalog),
       4},
      {"planned_when",
       t(context, "activity_planned_when"),
       a.planned_when,
       Kind::text,
       false,
       t(context, "when_hint"),
       {},
       4},
      {"done_when",
       t(context, "activity_done_when"),
       a.done_when,
       Kind::text,
       false,
       t(context, "when_hint"),
       {},
       4},
      {"description",
       t(context, "activity_description"),
       a.description,
       Kind::textarea,
       false,
       {},
       {},
       4},
      {"responsible",
       t(context, "activity_responsible"),
       a.responsible,
       Kind::text,
       false,
       {},
       {},
       4},
      {"links",
       t(context, "activity_links"),
       a.links,
       Kind::textarea,
       false,
       t(context, "activity_links_hint"),
       {},
       3},
      {"channel", t(context, "activity_channel"), a.channel, Kind::select, false,
       t(context, "activity_channel_hint"),
       web::coded_options(codes_of(kChannels), "channel_", catalog, true), 4},
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
  a.planned_when = form.value("planned_when");
  a.done_when = form.value("done_when");
  a.description = form.value("description");
  a.responsible = form.value("responsible");
  a.links = form.value("links");
  a.channel = form.value("channel");
  a.likes = optional_number(form.value("likes"), "likes", errors);
  a.reactions = optional_number(form.value("reactions"), "reactions", errors);
  a.shares = optional_number(form.value("shares"), "shares", errors);
  a.reach = optional_number(form.value("reach"), "reach", errors);
  a.views = optional_number(form.value("views"), "views", errors);
  if (auto version = optional_number(form.value("row_version"), "row_version", errors)) {
    a.row_version = *version;
  }
  return a;
}

Response activity_form(Context& context, const Activity& a, const std::string& initiative_name,
                       validation::Errors errors, bool conflict, int status) {
  const bool is_new = a.id == 0;
  FormPage form;
  form.heading =
      (is_new ? t(context, "activity_new") : t(context, "activity_edit")) + ": " + initiative_name;
  form.action = is_new ? "/initiatives/" + std::to_string(a.initiative_id) + "/activities"
                       : "/activities/" + std::to_string(a.id) + "/edit";
  form.submit = t(context, is_new ? "form_create" : "form_save");
  form.cancel = "/initiatives/" + std::to_string(a.initiative_id) + "#activities";
  form.fields = activity_fields(context, a);
  if (!is_new) form.hidden = web::hidden_values({{"row_version", std::to_string(a.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  form.status = status;
  return render_form(context, form);
}

Response new_activity(Context& context) {
  const auto actor = context.actor();
  const auto initiative = editable_initiative(context, actor, id_param(context));
  Activity a;
  a.initiative_id = initiative.id;
  return activity_form(context, a, initiative.name, {}, false, 200);
}

Response create_activity_submit(Context& context) {
  const auto actor = context.actor();
  const auto initiative = editable_initiative(context, actor, id_param(context));
  validation::Errors errors;
  Activity input;
  input.initiative_id = initiative.id;
  auto a = activity_from_form(context, input, errors);
  return submit(
      [&] {
        validation::throw_if_any(errors);
        create_activity(context.services.database, actor, a);
        return Response::redirect("/initiatives/" + std::to_string(initiative.id) +
                                  "?notice=notice_created#activities");
      },
      [&](validation::Errors found, bool conflict) {
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return activity_form(context, a, initiative.name, std::move(found), conflict, 422);
      });
}

Response edit_activity(Context& context) {
  const auto actor = context.actor();
  const auto a = readable_activity(context.services.database, actor, id_param(context));
  const auto initiative = editable_initiative(context, actor, a.initiative_id);
  return activity_form(context, a, initiative.name, {}, false, 200);
}

Response update_activity_submit(Context& context) {
  const auto actor = context.actor();
  const auto stored = readable_activity(context.services.database, actor, id_param(context));
  const auto initiative = editable_initiative(context, actor, stored.initiative_id);
  validation::Errors errors;
  auto a = activity_from_form(context, stored, errors);
  return submit(
      [&] {
        validation::throw_if_any(errors);
        update_activity(context.services.database, actor, a);
        return Response::redirect("/initiatives/" + std::to_string(a.initiative_id) +
                                  "?notice=notice_saved#activities");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          const auto fresh = readable_activity(context.services.database, actor, a.id);
          return activity_form(context, fresh, initiative.name, {}, true, 409);
        }
        for (const auto& item : errors.items()) found.add(item.field, item.message_key);
        return activity_form(context, a, initiative.name, std::move(found), false, 422);
      });
}

// ---- documents --------------------------------------------------------------------------------

std::string size_text(const Context& context, long long bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024LL * 1024) {
    return i18n::format_number(static_cast<double>(bytes) / 1024.0, 0, context.language) + " KB";
  }
  return i18n::format_number(static_cast<double>(bytes) / (1024.0 * 1024.0), 1, context.language) +
         " MB";
}

view::Data document_list(Context& context, soci::session& sql, std::optional<long long> plan_id,
                         std::optional<long long> initiative_id, bool can_edit) {
  auto list = view::list();
  for (const auto& document :
       store::documents(sql, context.workspace().id, plan_id, initiative_id)) {
    view::Data item;
    item.set("id", std::to_string(document.id));
    item.set("filename", document.filename);
    item.set("size", size_text(context, document.size_bytes));
    item.set("uploaded", i18n::format_iso_date(document.uploaded_at, context.language));
    item.set("can_delete", view::flag(can_edit));
    item.set("delete_label",
             context.catalog().format("document_delete_named", {{"name", document.filename}}));
    list.push_back(item);
  }
  return list;
}

Response document_form(Context& context, const std::string& heading, const std::string& action,
                       const std::string& cancel, const validation::Errors& errors, int status) {
  FormPage form;
  form.heading = heading;
  form.intro = context.catalog().format("document_intro",
                                        {{"max", std::to_string(kMaxDocumentBytes >> 20U)}});
  form.action = action;
  form.submit = t(context, "document_upload");
  form.cancel = cancel;
  form.multipart = true;
  form.fields = {{"file",
                  t(context, "document_file"),
                  "",
                  Kind::file,
                  true,
                  t(context, "document_file_hint"),
                  {},
                  4}};
  form.errors = errors;
  form.status = status;
  return render_form(context, form);
}

struct DocumentOwner {
  std::optional<long long> plan_id;
  std::optional<long long> initiative_id;
  std::string name;
  std::string path;  // the owner's page
};

DocumentOwner document_owner(Context& context, const Actor& actor, bool plan) {
  const auto id = id_param(context);
  if (plan) {
    const auto found = readable_plan(context.services.database, actor, id);
    if (!actor.edit_all) throw validation::Forbidden();
    return {found.id, std::nullopt, found.name, "/plans/" + std::to_string(found.id)};
  }
  const auto found = editable_initiative(context, actor, id);
  return {std::nullopt, found.id, found.name, "/initiatives/" + std::to_string(found.id)};
}

Response new_document(Context& context, bool plan) {
  const auto owner = document_owner(context, context.actor(), plan);
  return document_form(context, t(context, "document_add") + ": " + owner.name,
                       owner.path + "/documents", owner.path, {}, 200);
}

Response upload_document(Context& context, bool plan) {
  const auto actor = context.actor();
  const auto owner = document_owner(context, actor, plan);
  const auto* file = context.form().file("file");
  Document document;
  document.plan_id = owner.plan_id;
  document.initiative_id = owner.initiative_id;
  if (file != nullptr) {
    document.filename = file->filename;
    document.content = file->bytes;
  }
  try {
    add_document(context.services.database, actor, document);
  } catch (const validation::Invalid& invalid) {
    return document_form(context, t(context, "document_add") + ": " + owner.name,
                         owner.path + "/documents", owner.path, invalid.errors, 422);
  }
  return Response::redirect(owner.path + "?notice=notice_created#documents");
}

// Downloads are attachments with the type samtryg decided on upload, never rendered inline.
Response download_document(Context& context) {
  const auto document =
      readable_document(context.services.database, context.actor(), id_param(context));
  std::string ascii;
  for (const char c : document.filename) {
    const auto byte = static_cast<unsigned char>(c);
    ascii.push_back(byte >= 0x20 && byte < 0x7f && c != '"' && c != '\\' ? c : '_');
  }
  auto response = Response::html(document.content);
  response.header("Content-Type", document.content_type);
  response.header("Content-Disposition", "attachment; filename=\"" + ascii +
                                             "\"; filename*=UTF-8''" +
                                             web::url_encode(document.filename));
  response.header("Cache-Control", "private, no-store");
  return response;
}

std::string owner_path(const Document& document) {
  return document.plan_id ? "/plans/" + std::to_string(*document.plan_id)
                          : "/initiatives/" + std::to_string(document.initiative_id.value_or(0));
}

Response confirm_delete_document(Context& context) {
  const auto actor = context.actor();
  const auto document = readable_document(context.services.database, actor, id_param(context));
  if (!may_edit_document(context.services.database, actor, document)) {
    throw validation::Forbidden();
  }
  return web::render_confirm(context,
                             {.heading = context.catalog().format("document_delete_heading",
                                                                  {{"name", document.filename}}),
                              .text = t(context, "document_delete_text"),
                              .confirm = t(context, "document_delete_confirm"),
                              .action = "/documents/" + std::to_string(document.id) + "/delete",
                              .cancel = owner_path(document) + "#documents",
                              .nav = "plans"});
}

Response delete_document_submit(Context& context) {
  const auto actor = context.actor();
  const auto document = readable_document(context.services.database, actor, id_param(context));
  delete_document(context.services.database, actor, document.id);
  return Response::redirect(owner_path(document) + "?notice=notice_deleted#documents");
}

// ---- search -----------------------------------------------------------------------------------

Response show_search(Context& context) {
  const auto actor = context.actor();
  const auto query = context.query("q");
  view::Data data;
  data.set("q", query);
  data.set("searched", view::flag(!query.empty()));
  if (!query.empty()) {
    constexpr int kPerPage = 20;
    const int page = page_param(context);
    auto sql = context.services.database.session();
    // One more than a page tells whether a next page exists without counting everything.
    auto hits = store::search(sql, context.services.database.backend(), context.workspace().id,
                              query, !actor.read_all, kPerPage + 1, (page - 1) * kPerPage);
    const bool more = hits.size() > static_cast<std::size_t>(kPerPage);
    if (more) hits.pop_back();
    auto items = view::list();
    for (const auto& hit : hits) {
      view::Data item;
      item.set("title", hit.title);
      item.set("excerpt", hit.excerpt);
      item.set("kind", t(context, "search_kind_" + hit.entity));
      std::string href;
      if (hit.entity == "plan") {
        href = "/plans/" + std::to_string(hit.entity_id);
      } else if (hit.entity == "initiative") {
        href = "/initiatives/" + std::to_string(hit.entity_id);
      } else {
        href = "/activities/" + std::to_string(hit.entity_id);
      }
      item.set("href", href);
      items.push_back(item);
    }
    data.set("has_hits", view::flag(!hits.empty()));
    data.set("hits", items);
    data.set("summary",
             view::text(hits.empty() ? context.catalog().format("search_none", {{"q", query}})
                                     : context.catalog().format(
                                           "search_summary",
                                           {{"q", query}, {"page", std::to_string(page)}})));
    if (page > 1 || more) {
      view::Data pager;
      const auto base = "/search?q=" + web::url_encode(query) + "&page=";
      pager.set("prev", view::text(page > 1 ? base + std::to_string(page - 1) : std::string()));
      pager.set("next", view::text(more ? base + std::to_string(page + 1) : std::string()));
      pager.set("text", context.catalog().format("search_page", {{"page", std::to_string(page)}}));
      data.set("pager", pager);
    } else {
      data.set("pager", view::flag(false));
    }
  } else {
    data.set("pager", view::flag(false));
  }
  return web::render_page(context, template_path("search"), std::move(data),
                          {.title = t(context, "search_title"), .status = 200, .nav = "search"});
}

// An activity has no page of its own: its initiative shows it.
Response show_activity(Context& context) {
  const auto a = readable_activity(context.services.database, context.actor(), id_param(context));
  return Response::redirect("/initiatives/" + std::to_string(a.initiative_id) + "#activities");
}

// ---- groups -----------------------------------------------------------------------------------

Response show_groups(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  std::map<long long, std::string> parties;
  for (const auto& party : store::parties(sql, context.workspace().id)) {
    parties[party.id] = party.name;
  }
  auto list = view::list();
  for (const auto& group : store::groups(sql, context.workspace().id)) {
    view::Data item;
    item.set("id", std::to_string(group.id));
    item.set("name", group.name);
    item.set("kind", code_label(context, "group_kind_", group.kind));
    item.set("cadence", view::text(group.cadence));
    item.set("description", view::text(group.description));
    std::string initiative;
    if (group.initiative_id) {
      if (const auto found =
              store::find_initiative(sql, context.workspace().id, *group.initiative_id)) {
        initiative = found->name;
      }
    }
    item.set("initiative", view::text(initiative));
    item.set("initiative_id", group.initiative_id ? std::to_string(*group.initiative_id) : "");
    auto members = view::list();
    for (const auto& member : store::group_members(sql, group.id)) {
      view::Data row;
      row.set("title", member.title);
      row.set("party", member.party_id ? parties[*member.party_id] : std::string());
      row.set("role", member.role);
      members.push_back(row);
    }
    item.set("has_members", view::flag(!members.is_empty_list()));
    item.set("members", members);
    list.push_back(item);
  }
  auto party_list = view::list();
  for (const auto& party : store::parties(sql, context.workspace().id)) {
    view::Data item;
    item.set("name", party.name);
    item.set("kind", code_label(context, "party_kind_", party.kind));
    party_list.push_back(item);
  }
  view::Data data;
  data.set("parties", party_list);
  data.set("groups", list);
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(context, template_path("groups"), std::move(data),
                          {.title = t(context, "groups_title"), .status = 200, .nav = "groups"});
}

std::vector<Field> group_fields(Context& context, const Group& group) {
  std::vector<web::Option> initiatives{{"", t(context, "choice_none")}};
  {
    auto sql = context.services.database.session();
    store::InitiativeFilter filter;
    filter.workspace_id = context.workspace().id;
    filter.top_level_only = true;
    filter.by_id = true;
    std::map<long long, std::string> plan_names;
    for (const auto& plan : store::plans(sql, filter.workspace_id)) {
      plan_names[plan.id] = plan.name + " (v" + std::to_string(plan.version) + ")";
    }
    for (const auto& row : store::initiatives(sql, filter)) {
      initiatives.push_back({std::to_string(row.initiative.id),
                             row.initiative.name + " – " + plan_names[row.initiative.plan_id]});
    }
  }
  return {
      {"initiative_id", t(context, "group_initiative"),
       group.initiative_id ? std::to_string(*group.initiative_id) : "", Kind::select, false,
       t(context, "group_initiative_hint"), initiatives, 4},
      {"name", t(context, "group_name"), group.name, Kind::text, true, {}, {}, 4},
      {"kind",
       t(context, "group_kind"),
       group.kind,
       Kind::select,
       true,
       {},
       web::coded_options(codes_of(kGroupKinds), "group_kind_", context.catalog()),
       4},
      {"cadence",
       t(context, "group_cadence"),
       group.cadence,
       Kind::text,
       false,
       t(context, "group_cadence_hint"),
       {},
       4},
      {"description",
       t(context, "group_description"),
       group.description,
       Kind::textarea,
       false,
       {},
       {},
       4},
  };
}

Response group_form(Context& context, const Group& group, validation::Errors errors, int status) {
  FormPage form;
  form.heading = t(context, "group_new");
  form.action = "/groups";
  form.submit = t(context, "form_create");
  form.cancel = "/groups";
  form.fields = group_fields(context, group);
  form.errors = std::move(errors);
  form.status = status;
  form.nav = "groups";
  return render_form(context, form);
}

Response new_group(Context& context) {
  return group_form(context, Group{}, {}, 200);
}

Response create_group_submit(Context& context) {
  const auto& form = context.form();
  Group group;
  group.name = form.value("name");
  group.kind = form.value("kind");
  group.cadence = form.value("cadence");
  group.description = form.value("description");
  validation::Errors errors;
  group.initiative_id = optional_number(form.value("initiative_id"), "initiative_id", errors);
  try {
    validation::throw_if_any(errors);
    create_group(context.services.database, context.actor(), group);
  } catch (const validation::Invalid& invalid) {
    return group_form(context, group, invalid.errors, 422);
  }
  return Response::redirect("/groups?notice=notice_created");
}

std::vector<Field> member_fields(Context& context, const GroupMember& member) {
  auto sql = context.services.database.session();
  std::vector<web::Option> parties{{"", t(context, "choice_none")}};
  for (const auto& party : store::parties(sql, context.workspace().id)) {
    parties.push_back({std::to_string(party.id), party.name});
  }
  return {
      {"title",
       t(context, "member_title"),
       member.title,
       Kind::text,
       true,
       t(context, "member_title_hint"),
       {},
       4},
      {"party_id",
       t(context, "member_party"),
       member.party_id ? std::to_string(*member.party_id) : "",
       Kind::select,
       false,
       {},
       parties,
       4},
      {"role", t(context, "member_role"), member.role, Kind::text, false, {}, {}, 4},
  };
}

Response member_form(Context& context, const Group& group, const GroupMember& member,
                     validation::Errors errors, int status) {
  FormPage form;
  form.heading = t(context, "member_add") + ": " + group.name;
  form.action = "/groups/" + std::to_string(group.id) + "/members";
  form.submit = t(context, "form_create");
  form.cancel = "/groups#group-" + std::to_string(group.id);
  form.fields = member_fields(context, member);
  form.errors = std::move(errors);
  form.status = status;
  form.nav = "groups";
  return render_form(context, form);
}

Response party_form(Context& context, const Party& party, const validation::Errors& errors,
                    int status) {
  FormPage form;
  form.heading = t(context, "party_new");
  form.action = "/parties";
  form.submit = t(context, "form_create");
  form.cancel = "/groups#parties";
  form.fields = {
      {"name", t(context, "party_name"), party.name, Kind::text, true, {}, {}, 4},
      {"kind",
       t(context, "party_kind"),
       party.kind,
       Kind::select,
       true,
       {},
       web::coded_options(codes_of(kPartyKinds), "party_kind_", context.catalog()),
       4},
  };
  form.errors = errors;
  form.status = status;
  form.nav = "groups";
  return render_form(context, form);
}

Response new_party(Context& context) {
  return party_form(context, Party{}, {}, 200);
}

Response create_party_submit(Context& context) {
  Party party;
  party.name = context.form().value("name");
  party.kind = context.form().value("kind");
  try {
    create_party(context.services.database, context.actor(), party);
  } catch (const validation::Invalid& invalid) {
    return party_form(context, party, invalid.errors, 422);
  }
  return Response::redirect("/groups?notice=notice_created#parties");
}

Response focus_area_form(Context& context, const Plan& plan, const FocusArea& area,
                         const validation::Errors& errors, int status) {
  std::vector<web::Option> parents{{"", t(context, "choice_none")}};
  if (plan.parent_plan_id) {
    auto sql = context.services.database.session();
    for (const auto& parent : store::focus_areas(sql, *plan.parent_plan_id)) {
      parents.push_back({std::to_string(parent.id), parent.name});
    }
  }
  FormPage form;
  form.heading = t(context, "focus_area_new") + ": " + plan.name;
  form.action = "/plans/" + std::to_string(plan.id) + "/focus-areas";
  form.submit = t(context, "form_create");
  form.cancel = "/plans/" + std::to_string(plan.id);
  form.fields = {
      {"name", t(context, "focus_area_name"), area.name, Kind::text, true, {}, {}, 4},
      {"description",
       t(context, "focus_area_description"),
       area.description,
       Kind::textarea,
       false,
       {},
       {},
       4},
  };
  if (plan.parent_plan_id) {
    form.fields.push_back(
        {"parent_focus_area_id", t(context, "focus_area_parent"),
         area.parent_focus_area_id ? std::to_string(*area.parent_focus_area_id) : "", Kind::select,
         false, t(context, "focus_area_parent_hint"), parents, 4});
  }
  form.errors = errors;
  form.status = status;
  return render_form(context, form);
}

Response new_focus_area(Context& context) {
  const auto plan = readable_plan(context.services.database, context.actor(), id_param(context));
  return focus_area_form(context, plan, FocusArea{}, {}, 200);
}

Response create_focus_area_submit(Context& context) {
  const auto actor = context.actor();
  const auto plan = readable_plan(context.services.database, actor, id_param(context));
  FocusArea area;
  area.plan_id = plan.id;
  area.name = context.form().value("name");
  area.description = context.form().value("description");
  validation::Errors errors;
  area.parent_focus_area_id =
      optional_number(context.form().value("parent_focus_area_id"), "parent_focus_area_id", errors);
  try {
    validation::throw_if_any(errors);
    create_focus_area(context.services.database, actor, area);
  } catch (const validation::Invalid& invalid) {
    return focus_area_form(context, plan, area, invalid.errors, 422);
  }
  return Response::redirect("/plans/" + std::to_string(plan.id) + "?notice=notice_created");
}

Group readable_group(Context& context) {
  auto sql = context.services.database.session();
  const auto group = store::find_group(sql, context.workspace().id, id_param(context));
  if (!group) throw validation::NotFound();
  return *group;
}

Response new_member(Context& context) {
  return member_form(context, readable_group(context), GroupMember{}, {}, 200);
}

Response add_member_submit(Context& context) {
  const auto group = readable_group(context);
  const auto& form = context.form();
  GroupMember member;
  member.group_id = group.id;
  member.title = form.value("title");
  member.role = form.value("role");
  validation::Errors errors;
  member.party_id = optional_number(form.value("party_id"), "party_id", errors);
  try {
    validation::throw_if_any(errors);
    add_group_member(context.services.database, context.actor(), member);
  } catch (const validation::Invalid& invalid) {
    return member_form(context, group, member, invalid.errors, 422);
  }
  return Response::redirect("/groups?notice=notice_created#group-" + std::to_string(group.id));
}

}  // namespace

void add_routes(web::App& app) {
  using auth::Permission;
  const auto read = Access::needs(Permission::read_published);
  const auto members = Access::needs(Permission::read_workspace);
  const auto own = Access::needs(Permission::edit_own);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/plans", read, show_plans});
  app.add({Method::get, "/plans/new", all, new_plan});
  app.add({Method::post, "/plans", all, create_plan_submit});
  app.add({Method::get, "/plans/{id}", read, show_plan});
  app.add({Method::get, "/plans/{id}/edit", all, edit_plan});
  app.add({Method::post, "/plans/{id}/edit", all, update_plan_submit});
  app.add({Method::post, "/plans/{id}/versions", all, create_version_submit});
  app.add({Method::get, "/plans/{id}/compare", read, show_compare});
  app.add({Method::get, "/plans/{id}/initiatives/new", own, new_initiative});
  app.add({Method::post, "/plans/{id}/initiatives", own, create_initiative_submit});
  app.add({Method::get, "/initiatives/{id}", read, show_initiative});
  app.add({Method::get, "/initiatives/{id}/edit", own, edit_initiative});
  app.add({Method::post, "/initiatives/{id}/edit", own, update_initiative_submit});
  app.add({Method::post, "/initiatives/{id}/status", own, change_status_submit});
  app.add({Method::get, "/initiatives/{id}/activities/new", own, new_activity});
  app.add({Method::post, "/initiatives/{id}/activities", own, create_activity_submit});
  app.add({Method::get, "/activities/{id}", read, show_activity});
  app.add({Method::get, "/activities/{id}/edit", own, edit_activity});
  app.add({Method::post, "/activities/{id}/edit", own, update_activity_submit});
  app.add({Method::get, "/plans/{id}/documents/new", all,
           [](Context& c) { return new_document(c, true); }});
  app.add({Method::post, "/plans/{id}/documents", all,
           [](Context& c) { return upload_document(c, true); }});
  app.add({Method::get, "/initiatives/{id}/documents/new", own,
           [](Context& c) { return new_document(c, false); }});
  app.add({Method::post, "/initiatives/{id}/documents", own,
           [](Context& c) { return upload_document(c, false); }});
  app.add({Method::get, "/documents/{id}", read, download_document});
  app.add({Method::get, "/documents/{id}/delete", own, confirm_delete_document});
  app.add({Method::post, "/documents/{id}/delete", own, delete_document_submit});
  app.add({Method::get, "/search", read, show_search});
  app.add({Method::get, "/groups", members, show_groups});
  app.add({Method::get, "/groups/new", all, new_group});
  app.add({Method::post, "/groups", all, create_group_submit});
  app.add({Method::get, "/groups/{id}/members/new", all, new_member});
  app.add({Method::get, "/parties/new", all, new_party});
  app.add({Method::post, "/parties", all, create_party_submit});
  app.add({Method::get, "/plans/{id}/focus-areas/new", all, new_focus_area});
  app.add({Method::post, "/plans/{id}/focus-areas", all, create_focus_area_submit});
  app.add({Method::post, "/groups/{id}/members", all, add_member_submit});

  auto& services = app.services();
  services.navigation.add({"plans", "/plans", "nav_plans", read, 20});
  services.navigation.add({"groups", "/groups", "nav_groups", members, 30});
  services.navigation.add({"search", "/search", "nav_search", read, 50});
  auto& subjects = services.hooks.get<history::Subjects>();
  subjects.add("plan", [](Context& context, long long id) {
    return history::Subject{readable_plan(context.services.database, context.actor(), id).name,
                            "/plans/" + std::to_string(id)};
  });
  subjects.add("initiative", [](Context& context, long long id) {
    return history::Subject{
        readable_initiative(context.services.database, context.actor(), id).name,
        "/initiatives/" + std::to_string(id)};
  });
  subjects.add("activity", [](Context& context, long long id) {
    const auto activity = readable_activity(context.services.database, context.actor(), id);
    return history::Subject{activity.title,
                            "/initiatives/" + std::to_string(activity.initiative_id)};
  });
}

}  // namespace samtryg::strategy
