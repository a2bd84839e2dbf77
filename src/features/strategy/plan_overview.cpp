// The plan overview: the plan, its focus areas and documents, and its initiatives grouped by
// status with filters. The register's busiest page: its body is cached per data version.
#include <map>

#include "core/demo/marks.hpp"
#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/fields.hpp"
#include "core/web/fragment_cache.hpp"
#include "core/web/page.hpp"
#include "core/web/pager.hpp"
#include "features/strategy/hooks.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

constexpr int kPerPage = 100;

// What a cached page body depends on besides its address: the workspace's data version
// (bumped by every change), the language and what this reader may see and do.
std::string fragment_key(const Context& context, const Actor& actor, std::string_view page) {
  const auto& workspace = context.workspace();
  return std::string(page) + '|' + std::to_string(workspace.id) + '|' +
         std::to_string(workspace.data_version) + '|' + std::string(i18n::code(context.language)) +
         '|' + (actor.read_all ? '1' : '0') + (actor.edit_all ? '1' : '0') + '|' +
         context.request.target;
}

// The filters as given: status, lead (a user id) and in_plan ("1", "0" or "").
struct Filters {
  std::string status;
  std::optional<long long> lead;
  std::string in_plan;

  static Filters of(const Context& context) {
    Filters filters;
    const auto status = context.query("status");
    if (is_one_of(status, kInitiativeStatuses)) filters.status = status;
    filters.lead = parse_id(context.query("lead"));
    const auto in_plan = context.query("in_plan");
    if (in_plan == "1" || in_plan == "0") filters.in_plan = in_plan;
    return filters;
  }
  InitiativeFilter for_plan(long long plan_id) const {
    InitiativeFilter filter;
    filter.plan_id = plan_id;
    filter.status = status;
    filter.lead_user_id = lead.value_or(0);
    if (!in_plan.empty()) filter.in_plan = in_plan == "1" ? 1 : 0;
    return filter;
  }
  std::string query() const {
    return "?status=" + web::url_encode(status) + "&lead=" + (lead ? std::to_string(*lead) : "") +
           "&in_plan=" + in_plan;
  }
};

// The plan itself: its facts, the links other features add, its focus areas and documents.
void add_plan(view::Data& data, Context& context, soci::session& sql, const Actor& actor,
              const Plan& plan) {
  data.set("id", std::to_string(plan.id));
  data.set("name", plan.name);
  data.set("kind", web::code_label(context, "plan_kind_", plan.kind));
  data.set("version", std::to_string(plan.version));
  data.set("period", period_text(plan, context.language));
  data.set("adopted", view::text(plan.adopted_on.empty()
                                     ? ""
                                     : i18n::format_iso_date(plan.adopted_on, context.language)));
  data.set("summary_html", view::text(documents::markdown_html(plan.summary)));
  data.set("example_note", view::text(demo::example_note(
                               context.catalog(), "plan_",
                               demo::marks_of(sql, actor.workspace_id, "plan", plan.id))));
  data.set("published", view::flag(plan.published));
  data.set("previous_id",
           view::text(plan.previous_version_id ? std::to_string(*plan.previous_version_id) : ""));
  data.set("parent_id",
           view::text(plan.parent_plan_id ? std::to_string(*plan.parent_plan_id) : ""));
  if (plan.parent_plan_id) {
    const auto parent = find_plan(sql, actor, *plan.parent_plan_id);
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
  auto documents = document_list(context, sql, actor, plan.id, std::nullopt, actor.edit_all);
  data.set("has_documents", view::flag(!documents.is_empty_list()));
  data.set("documents", documents);
}

// Its focus areas, each with the district plan's focus area it serves.
void add_focus_areas(view::Data& data, soci::session& sql, const Actor& actor, const Plan& plan) {
  std::map<long long, std::string> parent_areas;
  if (plan.parent_plan_id) {
    for (const auto& area : focus_areas(sql, actor, *plan.parent_plan_id)) {
      parent_areas[area.id] = area.name;
    }
  }
  auto areas = view::list();
  for (const auto& area : focus_areas(sql, actor, plan.id)) {
    view::Data item;
    item.set("name", area.name);
    item.set("description", view::text(area.description));
    item.set("parent",
             view::text(area.parent_focus_area_id ? parent_areas[*area.parent_focus_area_id]
                                                  : std::string()));
    areas.push_back(item);
  }
  data.set("has_focus_areas", view::flag(!areas.is_empty_list()));
  data.set("focus_areas", areas);
}

void add_filter_options(view::Data& data, const Context& context, soci::session& sql,
                        const Actor& actor, const Filters& filters) {
  const auto all = web::Option{"", context.text("filter_all")};
  auto statuses = web::coded_options(kInitiativeStatuses, "status_", context.catalog(), false);
  statuses.insert(statuses.begin(), all);
  std::vector<web::Option> leads{all};
  for (const auto& person : people(sql, actor)) {
    leads.push_back({std::to_string(person.id), person.name});
  }
  const std::vector<web::Option> in_plan{all,
                                         {"1", context.text("initiative_in_plan_yes")},
                                         {"0", context.text("initiative_in_plan_no")}};
  data.set("status_options", web::option_list(statuses, filters.status));
  data.set("lead_options",
           web::option_list(leads, filters.lead ? std::to_string(*filters.lead) : ""));
  data.set("in_plan_options", web::option_list(in_plan, filters.in_plan));
}

view::Data initiative_item(const Context& context, const InitiativeRow& row) {
  const auto& initiative = row.initiative;
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
  return item;
}

// The initiatives in groups of one status each, in the order they come.
view::Data status_groups(const Context& context, const std::vector<InitiativeRow>& rows) {
  auto groups = view::list();
  std::size_t start = 0;
  while (start < rows.size()) {
    const auto& status = rows[start].initiative.status;
    auto group_rows = view::list();
    std::size_t end = start;
    for (; end < rows.size() && rows[end].initiative.status == status; ++end) {
      group_rows.push_back(initiative_item(context, rows[end]));
    }
    view::Data group;
    group.set("label", web::code_label(context, "status_", status));
    group.set("count", std::to_string(end - start));
    group.set("rows", group_rows);
    groups.push_back(group);
    start = end;
  }
  return groups;
}

Response render_plan(Context& context, const Actor& actor, const std::string& key) {
  auto sql = context.services.database.session();
  const auto plan = readable_plan(sql, actor, context.path_id());
  const auto filters = Filters::of(context);
  auto filter = filters.for_plan(plan.id);
  const int total = count_initiatives(sql, actor, filter);
  const int page = web::page_param(context);
  filter.limit = kPerPage;
  filter.offset = (page - 1) * kPerPage;
  const auto rows = initiatives(sql, actor, filter);

  view::Data data;
  add_plan(data, context, sql, actor, plan);
  add_focus_areas(data, sql, actor, plan);
  add_filter_options(data, context, sql, actor, filters);
  data.set("groups", status_groups(context, rows));
  data.set("shown", context.catalog().format("plan_shown", {{"count", std::to_string(total)}}));
  data.set("pager", web::pager(context, "/plans/" + std::to_string(plan.id) + filters.query(), page,
                               kPerPage, total));
  const auto fragment = std::make_shared<const web::Fragment>(
      web::render_fragment(context, plan.name, kTemplates("plan"), std::move(data)));
  context.services.fragments->store(key, fragment);
  return web::serve_fragment(context, *fragment, "plans");
}

Response show_plan(Context& context) {
  const auto actor = context.actor();
  const auto key = fragment_key(context, actor, "plan");
  if (const auto hit = context.services.fragments->find(key)) {
    return web::serve_fragment(context, *hit, "plans");
  }
  return render_plan(context, actor, key);
}

}  // namespace

void add_plan_overview_routes(web::App& app) {
  app.add({http::Method::get, "/plans/{id}", web::Access::needs(auth::Permission::read_published),
           show_plan});
}

}  // namespace samtryg::strategy
