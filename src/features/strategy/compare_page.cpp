// Version compare: what the later version of a plan added, removed and changed.
#include <map>

#include "core/web/page.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

std::vector<Initiative> initiatives_of(soci::session& sql, const Actor& actor, long long plan_id) {
  std::vector<Initiative> out;
  for (auto& row : initiatives(sql, actor, InitiativeFilter{.plan_id = plan_id, .by_id = true})) {
    out.push_back(std::move(row.initiative));
  }
  return out;
}

view::Data named(const Initiative& initiative) {
  view::Data item;
  item.set("id", std::to_string(initiative.id));
  item.set("name", initiative.name);
  return item;
}

template <class Items, class Each>
view::Data list_of(const Items& items, Each&& each) {
  auto list = view::list();
  for (const auto& item : items) list.push_back(each(item));
  return list;
}

// The fields that changed, with codes and ids shown as a reader knows them.
view::Data changed_fields(const Context& context, const std::vector<FieldChange>& changes,
                          const std::map<std::string, std::string>& people) {
  const auto shown = [&](const std::string& field, const std::string& value) {
    if (field == "status") return web::code_label(context, "status_", value);
    if (field == "in_plan") {
      return context.text(value == "1" ? "initiative_in_plan_yes" : "initiative_in_plan_no");
    }
    if (field == "lead_user_id") {
      const auto found = people.find(value);
      return found == people.end() ? std::string() : found->second;
    }
    return value;
  };
  return list_of(changes, [&](const FieldChange& change) {
    view::Data field;
    field.set("field", field_label(context, change.field));
    field.set("before", shown(change.field, change.before));
    field.set("after", shown(change.field, change.after));
    return field;
  });
}

http::Response show_compare(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto plan = readable_plan(sql, actor, context.path_id());
  if (!plan.previous_version_id) throw validation::NotFound();
  const auto previous = readable_plan(sql, actor, *plan.previous_version_id);
  const auto changes = compare_versions(initiatives_of(sql, actor, previous.id),
                                        initiatives_of(sql, actor, plan.id));
  std::map<std::string, std::string> people_by_id;
  for (const auto& person : people(sql, actor))
    people_by_id[std::to_string(person.id)] = person.name;

  const auto added = list_of(changes.added, named);
  const auto removed = list_of(changes.removed, named);
  const auto changed = list_of(changes.changed, [&](const InitiativeChange& change) {
    auto item = named(change.initiative);
    item.set("fields", changed_fields(context, change.fields, people_by_id));
    return item;
  });
  const auto version_label = [&](const Plan& version) {
    return context.catalog().format("compare_version",
                                    {{"version", std::to_string(version.version)}});
  };
  view::Data data;
  data.set("id", std::to_string(plan.id));
  data.set("name", plan.name);
  data.set("heading",
           context.catalog().format("compare_heading", {{"from", std::to_string(previous.version)},
                                                        {"to", std::to_string(plan.version)}}));
  data.set("intro", view::text(context.text("compare_intro")));
  data.set("before_label", version_label(previous));
  data.set("after_label", version_label(plan));
  data.set("has_added", view::flag(!added.is_empty_list()));
  data.set("added", added);
  data.set("has_removed", view::flag(!removed.is_empty_list()));
  data.set("removed", removed);
  data.set("has_changed", view::flag(!changed.is_empty_list()));
  data.set("changed", changed);
  return web::render_page(context, kTemplates("compare"), std::move(data),
                          {.title = plan.name, .status = 200, .nav = "plans"});
}

}  // namespace

void add_compare_routes(web::App& app) {
  app.add({http::Method::get, "/plans/{id}/compare",
           web::Access::needs(auth::Permission::read_published), show_compare});
}

}  // namespace samtryg::strategy
